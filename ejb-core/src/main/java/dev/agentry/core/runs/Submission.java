package dev.agentry.core.runs;

/**
 * The answer to a submission.
 *
 * @param replay true when the idempotency key had been used with this same body: the run is the
 *     first submission's, nothing new was started
 */
public record Submission(RunView run, boolean replay) {}
