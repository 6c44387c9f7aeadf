package dev.agentry.core.jobs;

import dev.agentry.core.Boundary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts batch jobs and reads their executions from the persistent job repository. Implemented by
 * the batch-jobs module, which owns the job definitions; the core depends only on this contract.
 */
@Boundary
public interface JobControl {

    /** Starts the named job and returns its new execution; the job itself runs asynchronously. */
    JobExecutionView start(String jobName, Map<String, String> parameters);

    Optional<JobExecutionView> execution(long executionId);

    /**
     * Asks a running execution to stop at its next checkpoint.
     *
     * @throws dev.agentry.core.problem.AgentryException {@code conflict} if it is not running
     */
    JobExecutionView stop(long executionId);

    /**
     * Starts a new execution of a stopped or failed one, with its parameters; it resumes from the
     * last checkpoint.
     *
     * @throws dev.agentry.core.problem.AgentryException {@code conflict} if the execution completed,
     *     is still running, or is not its job's most recent one
     */
    JobExecutionView restart(long executionId);

    /** What the execution's steps read, wrote and skipped, and why they skipped; empty if unknown. */
    Optional<StepReport> report(long executionId);

    /** The newest executions of a job, newest first. */
    List<JobExecutionView> recentExecutions(String jobName, int limit);
}
