package dev.agentry.core.runs;

import jakarta.json.JsonObject;

/**
 * The answer to a submission.
 *
 * @param replay true when the idempotency key had been used with this same body: the run is the
 *     first submission's, nothing new was started
 */
public record Submission(JsonObject run, String runId, boolean replay) {}
