package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.control.Approval;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The approvals boundary: request, read, decide, expire. An approval is bound to one action and the hash
 * of one input, belongs to the credential that asked (another sees it only to decide it: with {@code
 * control:approvals:decide}, and always only for a collection it reads), is never decided by whoever
 * asked, needs as many distinct approvers as its policy says, expires at its TTL and is used once.
 */
@Boundary
@Stateless
@ValidatedInput
public class Approvals {

    /** How an administrator is named as a requester or decider. */
    public static final String ADMINISTRATOR = "admin:";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ActionCatalog actions;

    @Inject
    Policies policies;

    @Inject
    Validator validator;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    CursorSeal seal;

    /**
     * The approvals with these ids that exist, by id, in one query: how the console names audit targets (the
     * console sees every credential's approvals). At most 500 ids.
     */
    public Map<String, ApprovalRef> named(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > 500) {
            throw new IllegalArgumentException("at most 500 ids at once");
        }
        return em.createQuery("select a from Approval a where a.id in :ids", Approval.class)
                .setParameter("ids", Set.copyOf(ids))
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .collect(Collectors.toMap(
                        Approval::getId,
                        a -> new ApprovalRef(a.getId(), a.getAction(), a.getCollection(), a.getStatus())));
    }

    /** A request by the caller's credential, which then owns it. */
    public ApprovalView request(Grant grant, @Valid ApprovalRequest request) {
        return request(grant, new Approval.Requester(grant.credentialId(), grant.credentialId(), null, null), request);
    }

    /** An agent's proposal: requested on behalf of the run's credential and agent, with the run's scopes. */
    public ApprovalView propose(Grant runGrant, String runId, String agent, @Valid ApprovalRequest request) {
        return request(
                runGrant,
                new Approval.Requester(runGrant.credentialId(), runGrant.credentialId(), runId, agent),
                request);
    }

    private ApprovalView request(Grant grant, Approval.Requester requester, ApprovalRequest request) {
        GovernedAction<?> action = actions.require(request.action());
        ActionScope.require(grant, action);
        BoundInput input = BoundInput.of(action, request.input(), validator);
        // An approval of a record the caller cannot reach would bind nothing it may do, and say it exists.
        input.requireReachable(grant);
        Governance governance = policies.governing(action.name());
        Instant now = now();
        Approval approval = new Approval(
                "apr_" + UUID.randomUUID().toString().replace("-", ""),
                action.name(),
                action.subject().name(),
                input.json().toString(),
                input.hash(),
                request.reason(),
                requester,
                governance.policy(),
                governance.risk(),
                governance.approvers(),
                now,
                now.plus(governance.ttl()));
        em.persist(approval);
        audit.action("control.approval.request", approval.getId());
        announce(approval, EventCatalog.APPROVAL_REQUESTED);
        return ApprovalView.of(approval, now);
    }

    /**
     * The approvals this caller may see, newest first, a page at a time: its own requests, and with {@code
     * control:approvals:decide} every request — of subjects that reach it. {@code status} filters by the
     * status as of now, {@code action} by the action's name.
     */
    public Page<ApprovalView> list(Grant grant, ApprovalStatus status, String action, PageLimit limit, String cursor) {
        List<String> readable = ActionSubject.readableFromEveryone(grant);
        List<String> ownOnly = ActionSubject.readableOwnOnly(grant);
        if (readable.isEmpty() && ownOnly.isEmpty()) {
            return Page.whole(List.of());
        }
        boolean decider = grant.holds(Scope.CONTROL_APPROVALS_DECIDE) || Grant.CONSOLE.equals(grant.credentialId());
        String binding = "approvals|" + grant.credentialId() + "|" + decider + "|"
                + (status == null ? null : status.wire()) + "|" + action;
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select a from Approval a where (a.collection in :readable"
                + " or (a.collection in :ownOnly and a.credentialId = :me))");
        parameters.put("readable", nonEmpty(readable));
        parameters.put("ownOnly", nonEmpty(ownOnly));
        parameters.put("me", grant.credentialId());
        if (!decider) {
            jpql.append(" and a.credentialId = :me");
        }
        Instant now = now();
        if (status != null) {
            jpql.append(
                    switch (status) {
                        case PENDING -> " and a.status = 'pending' and a.expiresAt > :now";
                        case APPROVED ->
                            " and a.status = 'approved' and (a.consumedAt is not null or a.expiresAt > :now)";
                        case REJECTED -> " and a.status = 'rejected'";
                        case EXPIRED ->
                            " and (a.status = 'expired' or (a.status = 'pending' and a.expiresAt <= :now)"
                                    + " or (a.status = 'approved' and a.consumedAt is null and a.expiresAt <= :now))";
                    });
            if (status != ApprovalStatus.REJECTED) {
                parameters.put("now", now);
            }
        }
        if (action != null) {
            jpql.append(" and a.action = :action");
            parameters.put("action", action);
        }
        NewestFirst.after(seal, cursor, binding, "a.requestedAt", "a.id", jpql, parameters);
        jpql.append(" order by a.requestedAt desc, a.id desc");
        TypedQuery<Approval> query =
                em.createQuery(jpql.toString(), Approval.class).setMaxResults(limit.value() + 1);
        parameters.forEach(query::setParameter);
        return NewestFirst.page(
                seal,
                binding,
                query.getResultList(),
                limit.value(),
                Approval::getRequestedAt,
                Approval::getId,
                a -> ApprovalView.of(a, now));
    }

    public ApprovalView find(Grant grant, String id) {
        return ApprovalView.of(visible(grant, id, LockModeType.NONE), now());
    }

    /**
     * One approver's decision. A rejection ends the request; an approval ends it once as many distinct
     * approvers as it needs have approved. The requester is refused, and so is a second decision by the
     * same approver. Only a pending request is decided.
     */
    public ApprovalView decide(Grant grant, String id, @Valid DecisionRequest decision) {
        return decide(grant, grant.credentialId(), id, decision);
    }

    /**
     * A console administrator's decision, as {@link #decide(Grant, String, DecisionRequest)}: the
     * administrator, not the console, is the approver ({@code admin:<name>}), so two administrators count
     * as two approvers for dual control, and one administrator twice is refused.
     */
    public ApprovalView decideAsAdministrator(String administrator, String id, @Valid DecisionRequest decision) {
        if (administrator == null || administrator.isBlank()) {
            throw new IllegalArgumentException("an administrator's decision names the administrator");
        }
        return decide(Grant.console(), ADMINISTRATOR + administrator, id, decision);
    }

    private ApprovalView decide(Grant grant, String decider, String id, DecisionRequest decision) {
        // Locked, so two approvers deciding at once are counted one after the other.
        Approval approval = visible(grant, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        String status = approval.statusAt(now);
        if (!Approval.PENDING.equals(status)) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "This approval is " + status + "; only a pending approval is decided.");
        }
        if (decider.equals(approval.getRequestedBy()) || decider.equals(approval.getCredentialId())) {
            audit.refusalOutsideTransaction("control.approval.decide", approval.getId(), ErrorCode.SCOPE_DENIED.code());
            throw new AgentryException(ErrorCode.SCOPE_DENIED, "A requester never decides its own request.");
        }
        if (approval.decidedBy(decider)) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "You have already approved this request; dual control needs a different approver.");
        }
        approval.record(decider, decision.decision(), decision.comment(), now);
        if (!decision.approves()) {
            approval.reject(now);
            audit.action("control.approval.reject", approval.getId());
            announce(approval, EventCatalog.APPROVAL_REJECTED);
        } else if (approval.approvals() >= approval.getApproversRequired()) {
            approval.approve(now);
            audit.action("control.approval.approve", approval.getId());
            announce(approval, EventCatalog.APPROVAL_APPROVED);
        } else {
            audit.action("control.approval.approve", approval.getId());
        }
        return ApprovalView.of(approval, now);
    }

    /**
     * Marks up to {@code batch} pending approvals past their expiry as expired and announces each, once,
     * in a transaction of its own, so a long backlog is worked through in bounded transactions (see
     * {@link ApprovalExpiry}). The status read already showed them expired, even while the server was
     * down at the moment they expired. Returns how many it expired: fewer than {@code batch} when none
     * is left.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireOverdue(int batch) {
        List<Approval> overdue = em.createNamedQuery("Approval.overdue", Approval.class)
                .setParameter("now", now())
                .setMaxResults(batch)
                .getResultList();
        for (Approval approval : overdue) {
            approval.expire();
            audit.action("control.approval.expire", approval.getId());
            announce(approval, EventCatalog.APPROVAL_EXPIRED);
        }
        return overdue.size();
    }

    /**
     * The approval {@code approvalId} if it lets the caller execute {@code input} now: its own, approved,
     * unexpired, unused, for this very action and input. Locked until the execution commits, so it is used
     * once. Otherwise {@code approval_required}, naming what is missing. For the execution unit, in its
     * transaction.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Approval usableFor(Grant grant, String approvalId, String action, String inputHash, Governance governance) {
        if (approvalId == null) {
            throw approvalRequired(action + " needs an approval by " + governance.approvers()
                    + (governance.approvers() == 1 ? " approver" : " distinct approvers")
                    + (governance.policy() == null
                            ? " (no policy matches it)"
                            : " (policy " + governance.policy() + ")")
                    + ": request one at /control/approvals and give its id as approvalId.");
        }
        Approval approval = em.find(Approval.class, approvalId, LockModeType.PESSIMISTIC_WRITE);
        if (approval == null || !grant.owns(approval.getCredentialId())) {
            throw approvalRequired("There is no approval " + approvalId + " of this credential.");
        }
        if (!approval.getAction().equals(action) || !approval.getInputHash().equals(inputHash)) {
            throw approvalRequired("Approval " + approvalId + " is for another action or input; an approval is bound"
                    + " to the exact action and input it was requested for.");
        }
        if (approval.isConsumed()) {
            throw approvalRequired("Approval " + approvalId + " was used by execution " + approval.getExecutionId()
                    + "; an approval is used once.");
        }
        String status = approval.statusAt(now());
        if (!Approval.APPROVED.equals(status)) {
            throw approvalRequired("Approval " + approvalId + " is " + status
                    + (Approval.PENDING.equals(status)
                            ? " with " + approval.approvals() + " of " + approval.getApproversRequired() + " approvals."
                            : "."));
        }
        return approval;
    }

    private static AgentryException approvalRequired(String detail) {
        return new AgentryException(ErrorCode.APPROVAL_REQUIRED, detail);
    }

    private Approval visible(Grant grant, String id, LockModeType lock) {
        Approval approval = id == null || id.length() > 40 ? null : em.find(Approval.class, id, lock);
        if (approval == null || !mayRead(grant, approval)) {
            throw AgentryException.notFound("There is no approval with this id.");
        }
        return approval;
    }

    private static boolean mayRead(Grant grant, Approval approval) {
        return ActionSubject.named(approval.getCollection()).reaches(grant, approval.getCredentialId())
                && (grant.owns(approval.getCredentialId()) || grant.holds(Scope.CONTROL_APPROVALS_DECIDE));
    }

    /** An IN list never empty: no stored subject is named by the empty string. */
    static List<String> nonEmpty(List<String> names) {
        return names.isEmpty() ? List.of("") : names;
    }

    private void announce(Approval approval, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("approvalId", approval.getId());
        data.put("action", approval.getAction());
        data.put("collection", approval.getCollection());
        data.put("status", approval.getStatus());
        data.put("risk", approval.getRisk());
        data.put("approversRequired", approval.getApproversRequired());
        data.put("approvals", (int) approval.approvals());
        data.put("requestedBy", approval.getRequestedBy());
        data.put("runId", approval.getRunId());
        data.put("expiresAt", approval.getExpiresAt().toString());
        outbox.publishCarrying(approval.getCredentialId(), approval.getCollection(), type, data);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
