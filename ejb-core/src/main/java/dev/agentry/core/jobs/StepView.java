package dev.agentry.core.jobs;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;

/**
 * One step of a job execution with its metrics, as the job repository records them.
 *
 * @param name the step's id in the job XML
 * @param status where the step is in its life
 * @param exitStatus the step's own verdict, once it has one
 * @param startedAt when it started
 * @param endedAt when it ended, or {@code null} while it runs
 * @param durationMillis how long it ran (until now while it runs), or {@code null} before it starts
 * @param read items read (chunk steps)
 * @param written items written
 * @param filtered items the processor filtered out
 * @param skipped items skipped as bad, in reading, processing and writing
 * @param commits chunks committed
 * @param rollbacks chunks rolled back
 * @param failure why the step failed, redacted, or {@code null}
 */
public record StepView(
        String name,
        JobStatus status,
        @JsonbNillable String exitStatus,
        @JsonbNillable Instant startedAt,
        @JsonbNillable Instant endedAt,
        @JsonbNillable Long durationMillis,
        long read,
        long written,
        long filtered,
        long skipped,
        long commits,
        long rollbacks,
        @JsonbNillable String failure)
        implements Serializable {

    /** The same step with its failure replaced, e.g. by its redacted form. */
    public StepView withFailure(String text) {
        return new StepView(
                name,
                status,
                exitStatus,
                startedAt,
                endedAt,
                durationMillis,
                read,
                written,
                filtered,
                skipped,
                commits,
                rollbacks,
                text);
    }
}
