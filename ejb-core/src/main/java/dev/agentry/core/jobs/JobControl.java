package dev.agentry.core.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts batch jobs and reads their executions from the persistent job repository. Implemented by
 * the batch-jobs module, which owns the job definitions; the core depends only on this contract.
 */
public interface JobControl {

    /** Starts the named job and returns its new execution; the job itself runs asynchronously. */
    JobExecutionView start(String jobName, Map<String, String> parameters);

    Optional<JobExecutionView> execution(long executionId);

    /** What the execution's steps read, wrote and skipped, and why they skipped; empty if unknown. */
    Optional<StepReport> report(long executionId);

    /** The newest executions of a job, newest first. */
    List<JobExecutionView> recentExecutions(String jobName, int limit);
}
