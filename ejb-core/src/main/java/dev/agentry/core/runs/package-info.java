/**
 * Agent task runs (SPEC section 9): submission with idempotency, the forward-only lifecycle, the
 * phases the agent-task-run batch job delegates to, the watchdog, and the artifacts a run leaves.
 */
package dev.agentry.core.runs;
