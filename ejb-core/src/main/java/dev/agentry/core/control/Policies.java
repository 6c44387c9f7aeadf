package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.control.ControlPolicy;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policies boundary: list, create, change and delete, each change audited; and which policy governs
 * an action now (the most specific matching pattern, else {@link Governance#DEFAULT}).
 */
@Boundary
@Stateless
@ValidatedInput
public class Policies {

    static final Duration MIN_TTL = Duration.ofMinutes(1);
    public static final Duration MAX_TTL = Duration.ofDays(30);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ActionCatalog actions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The policies with these patterns, by pattern, in one query: an audit record of a policy names its
     * pattern, and the console links it to the policy. At most 500 patterns.
     */
    public Map<String, PolicyRef> named(Collection<String> patterns) {
        if (patterns.isEmpty()) {
            return Map.of();
        }
        if (patterns.size() > 500) {
            throw new IllegalArgumentException("at most 500 patterns at once");
        }
        return em.createQuery("select p from ControlPolicy p where p.pattern in :patterns", ControlPolicy.class)
                .setParameter("patterns", Set.copyOf(patterns))
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .collect(Collectors.toMap(ControlPolicy::getPattern, p -> new PolicyRef(p.getId(), p.getPattern())));
    }

    public Page<PolicyView> list() {
        return Page.whole(all().stream().map(PolicyView::of).toList());
    }

    public PolicyView find(long id) {
        return PolicyView.of(policy(id));
    }

    public PolicyView create(@Valid @ConvertGroup(to = Creation.class) PolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!actions.selectsAny(request.pattern())) {
            errors.add(
                    new FieldError("pattern", "unknown_action", "selects no action; see the actions in /capabilities"));
        }
        Duration ttl = ttl(request.approvalTtl(), errors);
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        if (!em.createNamedQuery("ControlPolicy.byPattern", ControlPolicy.class)
                .setParameter("pattern", request.pattern())
                .getResultList()
                .isEmpty()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "A policy for " + request.pattern() + " exists; change it instead.");
        }
        Instant now = clock.instant();
        ControlPolicy policy = new ControlPolicy(request.pattern(), now);
        policy.govern(
                request.requiresApproval() == null || request.requiresApproval(),
                request.risk() == null ? "medium" : request.risk(),
                request.approvers() == null ? 1 : request.approvers(),
                ttl == null ? Governance.DEFAULT_TTL : ttl,
                request.maxPerHour(),
                now);
        em.persist(policy);
        em.flush();
        audit.action("control.policy.create", policy.getPattern());
        return PolicyView.of(policy);
    }

    /** Changes what the request gives; its pattern, if given, must be the policy's own. */
    public PolicyView change(long id, @Valid PolicyRequest request) {
        ControlPolicy policy = policy(id);
        List<FieldError> errors = new ArrayList<>();
        if (request.pattern() != null && !request.pattern().equals(policy.getPattern())) {
            errors.add(new FieldError(
                    "pattern", "not_allowed", "a policy's pattern does not change; create another policy"));
        }
        Duration ttl = ttl(request.approvalTtl(), errors);
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        policy.govern(
                request.requiresApproval() == null ? policy.isRequiresApproval() : request.requiresApproval(),
                request.risk() == null ? policy.getRisk() : request.risk(),
                request.approvers() == null ? policy.getApprovers() : request.approvers(),
                ttl == null ? policy.getApprovalTtl() : ttl,
                request.maxPerHour() == null ? policy.getMaxPerHour() : request.maxPerHour(),
                clock.instant());
        em.flush();
        audit.action("control.policy.update", policy.getPattern());
        return PolicyView.of(policy);
    }

    public void delete(long id) {
        ControlPolicy policy = policy(id);
        em.remove(policy);
        audit.action("control.policy.delete", policy.getPattern());
    }

    /** How {@code action} is governed now. */
    public Governance governing(String action) {
        return PolicyPattern.governing(action, all(), ControlPolicy::getPattern)
                .map(Governance::of)
                .orElse(Governance.DEFAULT);
    }

    private List<ControlPolicy> all() {
        return em.createNamedQuery("ControlPolicy.all", ControlPolicy.class).getResultList();
    }

    private ControlPolicy policy(long id) {
        ControlPolicy policy = em.find(ControlPolicy.class, id);
        if (policy == null) {
            throw AgentryException.notFound("There is no policy " + id + ".");
        }
        return policy;
    }

    private static Duration ttl(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            Duration ttl = Duration.parse(text);
            if (ttl.compareTo(MIN_TTL) >= 0 && ttl.compareTo(MAX_TTL) <= 0) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError("approvalTtl", "invalid", "an ISO-8601 duration from PT1M to P30D, e.g. PT24H"));
        return null;
    }
}
