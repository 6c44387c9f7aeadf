package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.control.Execution;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The executions boundary: execute a governed action at most once per Idempotency-Key, and read what
 * was executed. A replay answers with the first result; the same key with another request is {@code
 * idempotency_conflict}; requests racing with one key execute once, the others answer as replays.
 */
@Boundary
@Stateless
@ValidatedInput
public class ActionExecutions {

    public static final int MAX_PAGE = 200;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int RACE_CHECKS = 50;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ExecutionUnit unit;

    /** Executes as the caller's credential. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExecutionResult execute(Grant grant, String idempotencyKey, @Valid ExecuteRequest request) {
        return execute(grant, null, idempotencyKey, request);
    }

    /** Executes for a run: with the run's effective scopes (ceiling ∩ its credential's), recorded with the run. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExecutionResult executeForRun(
            Grant runGrant, String runId, String idempotencyKey, @Valid ExecuteRequest request) {
        return execute(runGrant, runId, idempotencyKey, request);
    }

    private ExecutionResult execute(Grant grant, String runId, String key, ExecuteRequest request) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw AgentryException.validation(List.of(new FieldError(
                    "Idempotency-Key", "required", "an Idempotency-Key header of 1 to 200 visible ASCII characters")));
        }
        try {
            return unit.execute(grant, runId, key, request);
        } catch (AgentryException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            // Most likely another request with this key won its unique constraint: answer as its replay
            // once it has committed. If no execution with the key appears, the failure was this one's own.
            for (int i = 0; i < RACE_CHECKS; i++) {
                Optional<ExecutionResult> first = unit.replayAfterRace(grant, key, request);
                if (first.isPresent()) {
                    return first.get();
                }
                if (!pause()) {
                    break;
                }
            }
            throw failed;
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Executions this caller may see, newest first: its own, or with {@code control:audit:read} everyone's
     * — of collections it reads, redacted for its scopes.
     */
    public Page<ExecutionView> list(Grant grant, String action, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw AgentryException.validation(
                    List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_PAGE)));
        }
        List<String> readable = Approvals.readable(grant);
        if (readable.isEmpty()) {
            return Page.whole(List.of());
        }
        boolean auditor = auditor(grant);
        StringBuilder jpql = new StringBuilder("select e from Execution e where e.collection in :readable");
        if (!auditor) {
            jpql.append(" and e.credentialId = :me");
        }
        if (action != null) {
            jpql.append(" and e.action = :action");
        }
        jpql.append(" order by e.executedAt desc, e.id desc");
        TypedQuery<Execution> query = em.createQuery(jpql.toString(), Execution.class)
                .setParameter("readable", readable)
                .setMaxResults(limit + 1);
        if (!auditor) {
            query.setParameter("me", grant.credentialId());
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        return Page.newest(query.getResultList(), limit)
                .map(e -> ExecutionReader.view(grant, e, ExecutionReader.collection(e)));
    }

    public ExecutionView find(Grant grant, String id) {
        Execution execution = id == null || id.length() > 40 ? null : em.find(Execution.class, id);
        if (execution == null || !ExecutionReader.mayRead(grant, execution, auditor(grant))) {
            throw AgentryException.notFound("There is no execution with this id.");
        }
        return ExecutionReader.view(grant, execution, ExecutionReader.collection(execution));
    }

    private static boolean auditor(Grant grant) {
        return grant.holds(Scope.CONTROL_AUDIT_READ) || Grant.CONSOLE.equals(grant.credentialId());
    }
}
