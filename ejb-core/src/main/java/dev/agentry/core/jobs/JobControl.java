package dev.agentry.core.jobs;

import dev.agentry.core.Boundary;
import java.util.Collection;
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

    /**
     * Executions matching the filter, newest first: at most {@code limit}, only ids below {@code beforeId}
     * when it is given (the listing's cursor).
     */
    List<JobExecutionView> executions(JobExecutionFilter filter, Long beforeId, int limit);

    /** The execution's steps in the order they ran; a failure as the repository recorded it, unredacted. */
    List<StepView> steps(long executionId);

    /** The job's executions that are starting, running or stopping. */
    List<JobExecutionView> running(String jobName);

    /**
     * The job parameter naming the node that started an execution, added by {@link #start} and {@link #restart}
     * (not shown among an execution's parameters): only that node, or a node after it died, may take the
     * execution for interrupted.
     */
    String NODE_PARAMETER = "agentry.node";

    /** The executions of these jobs that are starting, running or stopping, with the node that started each. */
    List<RunningExecution> runningExecutions(Collection<String> jobNames);

    /**
     * Marks these executions, where they are still starting, running or stopping, as failed (exit status
     * {@code INTERRUPTED}), so they can be restarted and no longer count as running: for executions whose node
     * stopped without ending them.
     *
     * @return how many executions it marked
     */
    int failInterrupted(Collection<Long> executionIds);

    /** Up to {@code limit} ids of executions that ended before {@code endedBefore}, after {@code afterId}, in id order. */
    List<Long> finishedBefore(java.time.Instant endedBefore, long afterId, int limit);

    /**
     * Removes these executions (with their steps) if they ended before {@code endedBefore}, and their job
     * instances once no execution is left; the repository commits on its own.
     *
     * @return how many executions it removed
     */
    int removeExecutions(List<Long> executionIds, java.time.Instant endedBefore);
}
