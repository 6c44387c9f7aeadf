package dev.agentry.batch.runtime;

import dev.agentry.core.jobs.JobEnded;
import dev.agentry.core.jobs.JobStatus;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * After every execution of an operated job (each job XML lists it): tells the core how it ended, so a failed
 * job opens an incident. Jakarta Batch has no listener for all jobs, hence one line in every job XML. A failure
 * to tell must not change the execution's outcome, so it is logged, not thrown.
 */
@Named
@Dependent
public class JobOutcomeListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(JobOutcomeListener.class);

    @Inject
    JobContext context;

    @Inject
    Event<JobEnded> ended;

    @Inject
    Clock clock;

    @Override
    public void afterJob() {
        try {
            ended.fire(new JobEnded(
                    context.getJobName(),
                    context.getExecutionId(),
                    JobStatus.valueOf(context.getBatchStatus().name()),
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The end of job execution %d could not be reported: %s",
                    context.getExecutionId(), e.getClass().getSimpleName());
        }
    }
}
