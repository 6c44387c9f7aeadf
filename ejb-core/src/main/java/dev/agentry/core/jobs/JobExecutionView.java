package dev.agentry.core.jobs;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One execution of a batch job as recorded in the persistent job repository.
 *
 * @param executionId the repository's id, stable across restarts
 * @param jobName the job's id, equal to its XML file name
 * @param status where the execution is in its life
 * @param exitStatus the job's own verdict, once it has one
 * @param createdAt when the execution was created
 * @param startedAt when it started running, or {@code null}
 * @param endedAt when it finished, or {@code null}
 * @param parameters the job parameters it was started with
 */
public record JobExecutionView(
        long executionId,
        String jobName,
        JobStatus status,
        String exitStatus,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Map<String, String> parameters)
        implements Serializable {

    public JobExecutionView {
        parameters = Map.copyOf(parameters);
    }
}
