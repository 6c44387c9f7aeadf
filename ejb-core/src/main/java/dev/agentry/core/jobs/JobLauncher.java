package dev.agentry.core.jobs;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door through which the jobs API and the schedules start and restart jobs. Serialised, so the
 * check that an exclusive job is idle and the start that follows cannot interleave with another: two
 * executions of such a job never run at once, whoever asks. The job repository records a started
 * execution before {@code start} returns, so the next caller sees it.
 *
 * <p>Across nodes, each call holds the {@link Duty#JOB_LAUNCH} row lock in its transaction: a start on
 * another node waits until this one's execution is recorded (the repository commits on its own, outside
 * this transaction), then finds it running.
 */
@Singleton
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class JobLauncher {

    @Inject
    JobControl jobs;

    @Inject
    ClusterLeases leases;

    /** @throws AgentryException {@code conflict} while an exclusive job's execution is running */
    public JobExecutionView start(JobDefinition job, Map<String, String> parameters) {
        leases.exclusive(Duty.JOB_LAUNCH);
        requireIdle(job);
        return jobs.start(job.name(), parameters);
    }

    /** Starts the job unless it is exclusive and running: a schedule's tick that finds it busy is skipped. */
    public Optional<JobExecutionView> startIfIdle(JobDefinition job) {
        leases.exclusive(Duty.JOB_LAUNCH);
        if (job.exclusive() && !jobs.running(job.name()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jobs.start(job.name(), Map.of()));
    }

    /** @throws AgentryException {@code conflict} while an exclusive job's execution is running */
    public JobExecutionView restart(JobDefinition job, long executionId) {
        leases.exclusive(Duty.JOB_LAUNCH);
        requireIdle(job);
        return jobs.restart(executionId);
    }

    private void requireIdle(JobDefinition job) {
        if (!job.exclusive()) {
            return;
        }
        List<JobExecutionView> running = jobs.running(job.name());
        if (!running.isEmpty()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "Job " + job.name() + " is running (execution "
                            + running.get(0).executionId() + "); one execution of it runs at a time.");
        }
    }
}
