package dev.agentry.core.jobs;

import java.time.Instant;

/**
 * Which executions a listing shows; a {@code null} component does not filter.
 *
 * @param job the job's name
 * @param status the execution's status
 * @param since executions created at or after this instant
 */
public record JobExecutionFilter(String job, JobStatus status, Instant since) {}
