package dev.agentry.core.jobs;

/**
 * An execution the job repository records as starting, running or stopping, and the node that started it.
 *
 * @param executionId its id
 * @param jobName its job
 * @param node the node that started it ({@link JobControl#NODE_PARAMETER}), or {@code null} for an execution
 *     started before nodes were recorded
 */
public record RunningExecution(long executionId, String jobName, String node) {}
