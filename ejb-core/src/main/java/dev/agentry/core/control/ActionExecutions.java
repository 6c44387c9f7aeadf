package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int RACE_CHECKS = 50;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ExecutionUnit unit;

    @Inject
    CursorSeal seal;

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
     * Executions this caller may see, newest first, a page at a time: its own, or with {@code
     * control:audit:read} everyone's — of subjects that reach it, redacted for its scopes. {@code action}
     * and {@code runId} filter.
     */
    public Page<ExecutionView> list(Grant grant, String action, String runId, PageLimit limit, String cursor) {
        List<String> readable = ActionSubject.readableFromEveryone(grant);
        List<String> ownOnly = ActionSubject.readableOwnOnly(grant);
        if (readable.isEmpty() && ownOnly.isEmpty()) {
            return Page.whole(List.of());
        }
        boolean auditor = auditor(grant);
        String binding = "executions|" + grant.credentialId() + "|" + auditor + "|" + action + "|" + runId;
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select e from Execution e where (e.collection in :readable"
                + " or (e.collection in :ownOnly and e.credentialId = :me))");
        parameters.put("readable", Approvals.nonEmpty(readable));
        parameters.put("ownOnly", Approvals.nonEmpty(ownOnly));
        parameters.put("me", grant.credentialId());
        if (!auditor) {
            jpql.append(" and e.credentialId = :me");
        }
        if (action != null) {
            jpql.append(" and e.action = :action");
            parameters.put("action", action);
        }
        if (runId != null) {
            jpql.append(" and e.runId = :runId");
            parameters.put("runId", runId);
        }
        NewestFirst.after(seal, cursor, binding, "e.executedAt", "e.id", jpql, parameters);
        jpql.append(" order by e.executedAt desc, e.id desc");
        TypedQuery<Execution> query =
                em.createQuery(jpql.toString(), Execution.class).setMaxResults(limit.value() + 1);
        parameters.forEach(query::setParameter);
        return NewestFirst.page(
                seal,
                binding,
                query.getResultList(),
                limit.value(),
                Execution::getExecutedAt,
                Execution::getId,
                e -> ExecutionReader.view(grant, e, ExecutionReader.subject(e)));
    }

    public ExecutionView find(Grant grant, String id) {
        Execution execution = id == null || id.length() > 40 ? null : em.find(Execution.class, id);
        if (execution == null || !ExecutionReader.mayRead(grant, execution, auditor(grant))) {
            throw AgentryException.notFound("There is no execution with this id.");
        }
        return ExecutionReader.view(grant, execution, ExecutionReader.subject(execution));
    }

    private static boolean auditor(Grant grant) {
        return grant.holds(Scope.CONTROL_AUDIT_READ) || Grant.CONSOLE.equals(grant.credentialId());
    }
}
