package dev.agentry.core.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job execution ended, however it ended: fired by the batch runtime's job listener (a CDI event), for
 * whoever watches job outcomes (incidents count the failed ones). It names the job and the execution only:
 * never its parameters or failure text, which may carry what a caller gave.
 *
 * @param jobName the job's name
 * @param executionId the execution's id
 * @param status how it ended
 * @param at when, from the injected clock
 */
public record JobEnded(String jobName, long executionId, JobStatus status, Instant at) {

    public JobEnded {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public boolean failed() {
        return status == JobStatus.FAILED;
    }
}
