package dev.agentry.core.control;

/**
 * An execution's answer.
 *
 * @param replayed true when the Idempotency-Key had executed this same request before: the view is that
 *     first execution's, and nothing was done again
 */
public record ExecutionResult(ExecutionView execution, boolean replayed) {}
