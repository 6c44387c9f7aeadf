package dev.agentry.core.jobs;

import dev.agentry.persistence.jobs.JobSchedule;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * What the server remembers of each schedule across restarts ({@code job_schedule}): since when the
 * expression holds and when it last fired. Each call is its own short transaction, apart from the
 * scheduler's timers.
 */
@Stateless
public class JobScheduleLedger {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /**
     * Records the schedule as in force from now (a changed expression starts afresh) and answers the first
     * fire time it missed while the server was down, if one has passed.
     */
    public Optional<Instant> register(String jobName, CronSchedule cron, Instant now) {
        JobSchedule row = em.find(JobSchedule.class, jobName);
        if (row == null) {
            em.persist(new JobSchedule(jobName, cron.expression(), now));
            return Optional.empty();
        }
        row.expressedAs(cron.expression(), now);
        return cron.next(row.accountedUntil()).filter(owed -> !owed.isAfter(now));
    }

    public void fired(String jobName, Instant at) {
        JobSchedule row = em.find(JobSchedule.class, jobName);
        if (row != null) {
            row.fired(at);
        }
    }
}
