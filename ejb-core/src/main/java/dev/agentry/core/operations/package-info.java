/**
 * The jobs API's rules for operators: listing jobs and executions, starting, stopping and restarting them, by
 * what the caller's grant may see. Kept apart from {@code jobs}, which the features that start their own jobs
 * depend on, so those features and the policy they use never form a cycle.
 */
package dev.agentry.core.operations;
