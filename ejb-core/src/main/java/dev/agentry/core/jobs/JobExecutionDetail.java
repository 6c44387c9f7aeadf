package dev.agentry.core.jobs;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.util.List;

/**
 * One execution with its steps: what {@code GET /jobs/executions/{id}} answers.
 *
 * @param execution the execution, with its parameters
 * @param steps every step it ran so far, in order, with read/write/skip/commit counts and timings
 * @param failure why the execution failed, redacted (no exception class, no secret), or {@code null}
 */
public record JobExecutionDetail(
        JobExecutionView execution,
        List<StepView> steps,
        @JsonbNillable String failure) implements Serializable {

    public JobExecutionDetail {
        steps = List.copyOf(steps);
    }
}
