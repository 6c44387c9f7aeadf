package dev.agentry.core.runs;

import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.incidents.Signal;
import dev.agentry.core.incidents.SignalObserved;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sessions.SessionTranscripts;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's row, changed one transition at a time, each in its own transaction and each conditional
 * on the statuses it may come from: whoever moves a run first (its job, the watchdog, a cancel) wins,
 * and the loser learns it from the {@code false} it gets back. The terminal transition writes the
 * run's webhook event and audit record in the same transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLedger {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookOutbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Event<SignalObserved> signals;

    @Inject
    RunEventLog events;

    @Inject
    SessionTranscripts sessions;

    /** Moves the run forward to a non-terminal status; false if it was not in a status before it. */
    public boolean move(String id, RunStatus to) {
        if (to.terminal()) {
            throw new IllegalArgumentException("a run ends through finish()");
        }
        Instant now = now();
        String extra =
                to == RunStatus.RUNNING ? ", r.startedAt = :now, r.heartbeatAt = :now" : ", r.heartbeatAt = :now";
        boolean moved = em.createQuery("update AgentRun r set r.status = :to, r.version = r.version + 1" + extra
                                + " where r.id = :id and r.status in :from")
                        .setParameter("to", to)
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .setParameter("from", RunStatus.before(to))
                        .executeUpdate()
                == 1;
        if (moved) {
            events.append(
                    id,
                    RunEventRecord.STATUS,
                    Jsonp.createObjectBuilder().add("status", to.wire()).build());
        }
        return moved;
    }

    /** Sets the deadline once the run starts: the task's timeout counts from then, not from the queue. */
    public void startClock(String id, Duration timeout) {
        em.createQuery("update AgentRun r set r.deadlineAt = :deadline where r.id = :id")
                .setParameter("deadline", now().plus(timeout))
                .setParameter("id", id)
                .executeUpdate();
    }

    public void jobStarted(String id, long executionId) {
        em.createQuery("update AgentRun r set r.jobExecutionId = :execution where r.id = :id")
                .setParameter("execution", executionId)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Raises the cancel flag the run's thread checks between actions. */
    public void requestCancel(String id) {
        em.createQuery("update AgentRun r set r.cancelRequested = true where r.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        audit.action("run.cancel", id);
    }

    /**
     * Audits a tool call by the run; its argument and result hashes are in the run's tool-call
     * transcript, which the bundle's manifest hashes in turn.
     */
    public void toolCalled(String id, String callId, String tool, String status) {
        audit.action("run.tool_call", id + " " + callId + " " + tool + " " + status);
    }

    /** Proof of life; false once the run is no longer active (finished, or timed out by the watchdog). */
    public boolean heartbeat(String id) {
        return em.createQuery("update AgentRun r set r.heartbeatAt = :now where r.id = :id and r.status in :active")
                        .setParameter("now", now())
                        .setParameter("id", id)
                        .setParameter("active", RunStatus.ACTIVE)
                        .executeUpdate()
                == 1;
    }

    /**
     * Ends the run with an outcome; false if it had already ended. The winner's webhook event and
     * audit record commit with the status.
     */
    public boolean finish(String id, RunEnd end) {
        Instant now = now();
        int updated = em.createQuery("update AgentRun r set r.status = :status, r.outcome = :outcome,"
                        + " r.stopReason = :stopReason, r.failureEvidence = :evidence, r.bundleId = :bundleId,"
                        + " r.timings = :timings, r.finishedAt = :now, r.version = r.version + 1"
                        + " where r.id = :id and r.status in :open")
                .setParameter("status", end.outcome().status())
                .setParameter("outcome", end.outcome())
                .setParameter("stopReason", end.stopReason())
                .setParameter(
                        "evidence",
                        end.failureEvidence() == null
                                ? null
                                : end.failureEvidence().toString())
                .setParameter("bundleId", end.bundleId())
                .setParameter(
                        "timings", end.timings() == null ? null : end.timings().toString())
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("open", RunStatus.before(RunStatus.SUCCEEDED))
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        sessions.release(id); // with the end itself: the session's next run may start from now on
        // Loaded after the update, in this transaction: the row as it now is.
        AgentRun run = em.find(AgentRun.class, id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", id);
        data.put("agent", run.getAgentSlug());
        data.put("credentialId", run.getCredentialId());
        data.put("status", run.getStatus().wire());
        data.put("outcome", run.getOutcome().wire());
        data.put(
                "stopReason",
                run.getStopReason() == null ? null : run.getStopReason().wire());
        data.put("bundleId", run.getBundleId());
        data.put("finishedAt", now.toString());
        outbox.publishAbout(run.getCredentialId(), eventType(end.outcome().status()), data);
        JsonObjectBuilder ended = Jsonp.createObjectBuilder()
                .add("status", run.getStatus().wire())
                .add("outcome", run.getOutcome().wire());
        if (run.getStopReason() != null) {
            ended.add("stopReason", run.getStopReason().wire());
        }
        if (run.getBundleId() != null) {
            ended.add("bundleId", run.getBundleId());
        }
        events.append(id, RunEventRecord.STATUS, ended.build());
        boolean failed = run.getStatus() == RunStatus.FAILED || run.getStatus() == RunStatus.TIMED_OUT;
        if (failed) {
            audit.failure("run." + run.getStatus().wire(), id, null);
        } else {
            audit.action("run." + run.getStatus().wire(), id);
        }
        if (failed) {
            signals.fire(SignalObserved.once(Signal.FAILED_RUNS, run.getCredentialId(), now));
        }
        return true;
    }

    /** Appends one cleanup attempt to the run's record of them. */
    public void recordCleanup(String id, JsonObject attempt) {
        AgentRun run = em.find(AgentRun.class, id);
        if (run == null) {
            return;
        }
        JsonArrayBuilder attempts = Jsonp.createArrayBuilder();
        if (run.getCleanup() != null) {
            try (JsonReader reader = Jsonp.createReader(new StringReader(run.getCleanup()))) {
                reader.readArray().forEach(attempts::add);
            }
        }
        attempts.add(attempt);
        run.setCleanup(attempts.build().toString());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AgentRun> find(String id) {
        return Optional.ofNullable(em.find(AgentRun.class, id));
    }

    /** Status and cancel flag as committed now, for the run's own thread to check between actions. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<RunSignal> signal(String id) {
        List<Object[]> rows = em.createQuery(
                        "select r.status, r.cancelRequested from AgentRun r where r.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(row -> new RunSignal((RunStatus) row[0], (Boolean) row[1]));
    }

    /** Active runs whose heartbeat stopped, or which overran their deadline by more than the grace. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> overdue(Duration staleAfter, Duration grace) {
        Instant now = now();
        return em.createQuery(
                        "select r.id from AgentRun r where r.status in :active"
                                + " and (r.heartbeatAt is null or r.heartbeatAt < :stale or r.deadlineAt < :overrun)"
                                + " order by r.createdAt",
                        String.class)
                .setParameter("active", RunStatus.ACTIVE)
                .setParameter("stale", now.minus(staleAfter))
                .setParameter("overrun", now.minus(grace))
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long activeCount() {
        return em.createQuery("select count(r) from AgentRun r where r.status in :active", Long.class)
                .setParameter("active", RunStatus.ACTIVE)
                .getSingleResult();
    }

    /** Queued runs, oldest first, but not those waiting for a session another run holds. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> queued(int limit) {
        return em.createQuery(
                        "select r.id from AgentRun r where r.status = :queued and r.cancelRequested = false"
                                + " and (r.sessionId is null or not exists (select s from AgentSession s"
                                + " where s.credentialId = r.credentialId and s.sessionId = r.sessionId"
                                + " and s.holderRunId is not null and s.holderRunId <> r.id))"
                                + " order by r.createdAt, r.id",
                        String.class)
                .setParameter("queued", RunStatus.QUEUED)
                .setMaxResults(limit)
                .getResultList();
    }

    static String eventType(RunStatus status) {
        return switch (status) {
            case SUCCEEDED -> EventCatalog.RUN_SUCCEEDED;
            case TIMED_OUT -> EventCatalog.RUN_TIMED_OUT;
            case CANCELLED -> EventCatalog.RUN_CANCELLED;
            default -> EventCatalog.RUN_FAILED;
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
