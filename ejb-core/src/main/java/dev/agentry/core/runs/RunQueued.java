package dev.agentry.core.runs;

/** Fired when a run is queued; the scheduler looks for a free slot once the submission commits. */
record RunQueued(String runId) {}
