package dev.agentry.core.jobs;

import java.util.Locale;
import java.util.Optional;

/**
 * What an operator may do with one job execution: stop it or restart it. The jobs API refuses exactly what
 * this refuses, and the console offers a button only where this allows, so the two never disagree.
 */
public final class ExecutionActions {

    private ExecutionActions() {}

    /** Why the execution cannot be stopped, or empty when a stop would be accepted. */
    public static Optional<String> stopRefusal(JobDefinition job, JobExecutionView execution) {
        if (job.managedElsewhere()) {
            return Optional.of(managedElsewhere(job, execution));
        }
        if (!execution.status().running()) {
            return Optional.of("Execution " + execution.executionId() + " is " + state(execution)
                    + "; only a running execution can be stopped.");
        }
        return Optional.empty();
    }

    /**
     * Why the execution cannot be restarted, or empty when a restart would be accepted.
     *
     * @param running an execution of the same job that is starting, running or stopping, if any
     */
    public static Optional<String> restartRefusal(
            JobDefinition job, JobExecutionView execution, Optional<JobExecutionView> running) {
        if (job.managedElsewhere()) {
            return Optional.of(managedElsewhere(job, execution));
        }
        if (!execution.status().restartable()) {
            return Optional.of("Execution " + execution.executionId() + " is " + state(execution)
                    + "; only a failed or stopped execution can be restarted.");
        }
        if (job.exclusive() && running.isPresent()) {
            return Optional.of("Job " + job.name() + " is running (execution "
                    + running.get().executionId() + "); one execution of it runs at a time.");
        }
        return Optional.empty();
    }

    private static String managedElsewhere(JobDefinition job, JobExecutionView execution) {
        return "Execution " + execution.executionId() + " belongs to a " + job.name()
                + "; manage it through its own API.";
    }

    private static String state(JobExecutionView execution) {
        return execution.status().name().toLowerCase(Locale.ROOT);
    }
}
