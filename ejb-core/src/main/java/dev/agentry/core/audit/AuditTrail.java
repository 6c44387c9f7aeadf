package dev.agentry.core.audit;

import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes audit records inside the caller's transaction, so a record exists exactly when its effect
 * does. Boundaries call {@link #action}; the API records calls that wrote no action record.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    AuditContext context;

    @Inject
    Clock clock;

    @Inject
    AuditBuffer buffer;

    @Inject
    Event<CallAudited> failures;

    /** Records a successful action, e.g. {@code credential.pause} on a credential's id. */
    public void action(String action, String target) {
        em.persist(record(action, target, AuditOutcome.SUCCESS, null, null));
    }

    /** Records a successful action made under an approval, e.g. a governed write. */
    public void action(String action, String target, String approvalId) {
        em.persist(record(action, target, AuditOutcome.SUCCESS, null, approvalId));
    }

    /**
     * Records something that happened and failed, e.g. {@code run.failed} or an exhausted webhook
     * delivery: the record's outcome says so, so an audit search for failures finds it.
     */
    public void failure(String action, String target, String errorCode) {
        em.persist(record(action, target, AuditOutcome.FAILED, errorCode, null));
    }

    /**
     * Records an attempt that was refused, e.g. a console login with a wrong password, in the caller's
     * transaction, so it stays even though the attempt changed nothing else.
     */
    public void refusal(String action, String target, String errorCode) {
        em.persist(record(action, target, AuditOutcome.DENIED, errorCode, null));
    }

    /**
     * Records an action a rule refused before it changed anything, where the refusal rolls the caller's
     * transaction back (a boundary throwing {@code AgentryException}): the record joins the next batch of
     * call records instead, so it outlives the rollback, and names the action and its target, which the
     * API's record of the call could not. The call is not recorded a second time.
     */
    public void refusalOutsideTransaction(String action, String target, String errorCode) {
        buffer.add(record(action, target, AuditOutcome.DENIED, errorCode, null));
    }

    /**
     * The record of an action or refusal by the current request's actor, which then needs no call record
     * of its own; with no request (a scheduled or batch action), by the system itself.
     */
    private AuditRecord record(
            String action, String target, AuditOutcome outcome, String errorCode, String approvalId) {
        try {
            AuditRecord record = fromRequest(action, target, outcome, errorCode, approvalId);
            context.markRecorded();
            signal(record);
            return record;
        } catch (ContextNotActiveException e) {
            return new AuditRecord(
                    now(),
                    "system",
                    null,
                    null,
                    null,
                    null,
                    action,
                    target,
                    null,
                    approvalId,
                    outcome.wireName(),
                    errorCode,
                    null);
        }
    }

    /**
     * Records an API call that wrote no action record: a read, a refusal or a failure. It changed
     * nothing, so it joins the next batch instead of costing a transaction of its own.
     */
    void call(AuditOutcome outcome, String errorCode) {
        AuditRecord record = fromRequest(context.route(), null, outcome, errorCode, null);
        buffer.add(record);
        context.markRecorded();
        signal(record);
    }

    /**
     * What incidents count of a refused or failed request (SPEC section 6), from the same record: per
     * credential for refusals (the verified one, else unattributed), for the whole API for 5xx.
     */
    private void signal(AuditRecord record) {
        if (record.getErrorCode() != null) {
            failures.fire(new CallAudited(record.getCredentialId(), record.getErrorCode(), record.getOccurredAt()));
        }
    }

    /** A record attributed to the current request's actor, address, id and scope. */
    private AuditRecord fromRequest(
            String action, String target, AuditOutcome outcome, String errorCode, String approvalId) {
        Instant now = now();
        return new AuditRecord(
                now,
                context.actorKind(),
                context.actorId(),
                context.credentialId(),
                context.address(),
                context.requestId(),
                action,
                target,
                context.scope(),
                approvalId,
                outcome.wireName(),
                errorCode,
                duration(now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Long duration(Instant now) {
        Instant started = context.startedAt();
        return started == null
                ? null
                : Math.max(0, Duration.between(started, now).toMillis());
    }
}
