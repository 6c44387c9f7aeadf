package dev.agentry.core.control;

import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.persistence.control.Approval;
import dev.agentry.persistence.control.Execution;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One execution in one transaction: the key claimed, the approval checked and used, the write with its
 * change record and webhook event (the catalog store's), the execution record and the audit record. Any
 * failure rolls every one of them back. Called by {@link ActionExecutions} only.
 */
@Stateless
public class ExecutionUnit {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ActionCatalog actions;

    @Inject
    Policies policies;

    @Inject
    Approvals approvals;

    @Inject
    Validator validator;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExecutionResult execute(Grant grant, String runId, String key, ExecuteRequest request) {
        String requestHash = requestHash(request);
        Optional<ExecutionResult> earlier = replay(grant, key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GovernedAction<?> action = actions.require(request.action());
        ActionScope.require(grant, action);
        BoundInput input = BoundInput.of(action, request.input(), validator);
        input.requireReachable(grant);
        Governance governance = policies.governing(action.name());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        refuseOverRate(grant, action, governance, now);
        Approval approval = governance.requiresApproval() || request.approvalId() != null
                ? approvals.usableFor(grant, request.approvalId(), action.name(), input.hash(), governance)
                : null;
        Execution execution = new Execution(
                "exe_" + UUID.randomUUID().toString().replace("-", ""),
                grant.credentialId(),
                key,
                requestHash,
                action.name(),
                action.subject().name(),
                approval == null ? null : approval.getId(),
                runId,
                now);
        em.persist(execution);
        // Claims the key now: a concurrent request with the same key waits here, then finds it taken.
        em.flush();
        Preview effect = Preview.of(input.apply(grant));
        if (approval != null) {
            approval.consume(execution.getId(), now);
        }
        execution.completed(effect.targetId(), effect.json());
        audit.action("control." + action.name(), effect.targetId(), execution.getApprovalId());
        return new ExecutionResult(ExecutionReader.view(grant, execution, action.subject()), false);
    }

    /** The first execution with this key, if any: its result again, or {@code idempotency_conflict}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ExecutionResult> replayAfterRace(Grant grant, String key, ExecuteRequest request) {
        return replay(grant, key, requestHash(request));
    }

    private Optional<ExecutionResult> replay(Grant grant, String key, String requestHash) {
        return em.createNamedQuery("Execution.byKey", Execution.class)
                .setParameter("credentialId", grant.credentialId())
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .map(first -> {
                    if (!first.getRequestHash().equals(requestHash)) {
                        throw new AgentryException(
                                ErrorCode.IDEMPOTENCY_CONFLICT,
                                "This Idempotency-Key was used for a different request; use a new key for a new one.");
                    }
                    ActionSubject subject = ExecutionReader.subject(first);
                    if (!subject.readableBy(grant)) {
                        // The credential lost the scope since: the first result is withheld like any read.
                        throw new AgentryException(
                                ErrorCode.SCOPE_DENIED,
                                first.getAction() + " writes " + subject.name() + ": it needs the "
                                        + subject.readScope() + " scope.");
                    }
                    return new ExecutionResult(ExecutionReader.view(grant, first, subject), true);
                });
    }

    private void refuseOverRate(Grant grant, GovernedAction<?> action, Governance governance, Instant now) {
        if (governance.maxPerHour() == null) {
            return;
        }
        long lastHour = em.createNamedQuery("Execution.countSince", Long.class)
                .setParameter("credentialId", grant.credentialId())
                .setParameter("action", action.name())
                .setParameter("since", now.minus(Duration.ofHours(1)))
                .getSingleResult();
        if (lastHour >= governance.maxPerHour()) {
            throw new AgentryException(
                    ErrorCode.RATE_LIMITED,
                    "Policy " + governance.policy() + " allows " + governance.maxPerHour() + " executions of "
                            + action.name() + " per credential and hour.");
        }
    }

    /** The request as the key is bound to it: the action, its input as canonical JSON and the approval. */
    private static String requestHash(ExecuteRequest request) {
        return BoundInput.hash(
                request.action(),
                Jsonp.createObjectBuilder()
                        .add("input", request.input())
                        .add(
                                "approvalId",
                                request.approvalId() == null ? JsonValue.NULL : Jsonp.createValue(request.approvalId()))
                        .build());
    }
}
