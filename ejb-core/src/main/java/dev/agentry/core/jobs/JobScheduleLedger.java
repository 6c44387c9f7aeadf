package dev.agentry.core.jobs;

import dev.agentry.persistence.jobs.JobSchedule;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the server remembers of each schedule across restarts ({@code job_schedule}): since when the
 * expression holds and when it last fired. Each call is its own short transaction, apart from the
 * scheduler's timers.
 */
@Stateless
public class JobScheduleLedger {

    private static final Logger LOG = Logger.getLogger(JobScheduleLedger.class);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /**
     * Records the schedule as in force from now (a changed expression starts afresh) and answers the first
     * fire time it missed while the server was down, if one has passed. A remembered time after now (the
     * clock was stepped back) is taken for now and stored so, which is why it is logged once.
     */
    public Optional<Instant> register(String jobName, CronSchedule cron, Instant now) {
        JobSchedule row = em.find(JobSchedule.class, jobName);
        if (row == null) {
            em.persist(new JobSchedule(jobName, cron.expression(), now));
            return Optional.empty();
        }
        ScheduleHistory history = new ScheduleHistory(row.getRegisteredAt(), row.getLastFiredAt());
        if (history.aheadOf(now)) {
            LOG.warnf(
                    "Job %s: its schedule was registered at %s and last fired at %s, later than now (%s): the clock"
                            + " was moved back; taking those times for now",
                    jobName, row.getRegisteredAt(), row.getLastFiredAt(), now);
            row.notLaterThan(now);
        }
        row.expressedAs(cron.expression(), now);
        return history.owed(cron, now);
    }

    public void fired(String jobName, Instant at) {
        JobSchedule row = em.find(JobSchedule.class, jobName);
        if (row != null) {
            row.fired(at);
        }
    }
}
