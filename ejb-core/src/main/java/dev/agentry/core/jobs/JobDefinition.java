package dev.agentry.core.jobs;

import java.util.Objects;
import java.util.Set;

/**
 * A batch job as operators see it: what it does and what they may do with it through the jobs API.
 *
 * @param name the job's id, equal to its XML file name in the batch-jobs module
 * @param description one sentence on what it does
 * @param startable whether {@code POST /jobs/{name}/start} starts it; jobs with an API of their own (an
 *     import needs its upload, a run its task) are started there
 * @param managedElsewhere whether its executions belong to another feature that stops and resumes them (a
 *     run is cancelled, never stopped as a job), so the jobs API only reads them
 * @param exclusive whether at most one execution may run at a time
 * @param defaultSchedule its schedule unless configured otherwise, or {@code off}
 * @param parameterNames the job parameters a start may give
 */
public record JobDefinition(
        String name,
        String description,
        boolean startable,
        boolean managedElsewhere,
        boolean exclusive,
        String defaultSchedule,
        Set<String> parameterNames) {

    public static final String OFF = "off";

    public JobDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultSchedule, "defaultSchedule");
        parameterNames = Set.copyOf(parameterNames);
    }

    /** An operator's job: started by hand or on a schedule, one execution at a time. */
    public static JobDefinition operated(
            String name, String description, String defaultSchedule, String... parameters) {
        return new JobDefinition(name, description, true, false, true, defaultSchedule, Set.of(parameters));
    }
}
