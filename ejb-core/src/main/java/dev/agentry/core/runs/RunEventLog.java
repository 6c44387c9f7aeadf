package dev.agentry.core.runs;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.tools.UnicodeText;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.RunEvent;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The run's events, stored: each appended under the run's row lock with the next number, in the
 * caller's transaction when there is one (a status move commits with its event) and handed to the
 * live streams only once committed. Streams read them back after a number.
 */
@Stateless
public class RunEventLog {

    /** Events larger than this are stored as a note of their size; the bundle keeps the whole text. */
    static final int MAX_EVENT_CHARS = 64 * 1024;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    RunEventHub hub;

    @Inject
    Clock clock;

    /** Appends an event (data already redacted); a run that no longer exists gets none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void append(String runId, String type, JsonObject data) {
        // The row lock orders every writer of this run's events: numbers commit in order, without gaps.
        AgentRun run = em.find(AgentRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            return;
        }
        Long last = em.createNamedQuery("RunEvent.last", Long.class)
                .setParameter("runId", runId)
                .getSingleResult();
        String payload = UnicodeText.escapedInJson(data.toString()); // a lone surrogate in a tool argument
        if (payload.length() > MAX_EVENT_CHARS) {
            payload = Jsonp.createObjectBuilder()
                    .add("truncated", true)
                    .add("chars", payload.length())
                    .build()
                    .toString();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RunEvent event = new RunEvent(runId, last == null ? 1 : last + 1, at, type, payload);
        em.persist(event);
        RunEventRecord record = RunEventRecord.of(event);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    hub.publish(record);
                }
            }
        });
    }

    /** The run's events after this number, oldest first, at most {@code limit}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RunEventRecord> after(String runId, long after, int limit) {
        return em
                .createNamedQuery("RunEvent.after", RunEvent.class)
                .setParameter("runId", runId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(RunEventRecord::of)
                .toList();
    }
}
