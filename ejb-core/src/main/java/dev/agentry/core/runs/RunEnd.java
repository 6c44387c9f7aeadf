package dev.agentry.core.runs;

import jakarta.json.JsonObject;

/**
 * How a run ended, as recorded on its row.
 *
 * @param failureEvidence phase, command, exit code and redacted output tails; null on success
 * @param timings milliseconds per phase
 */
public record RunEnd(
        Outcome outcome, String stopReason, JsonObject failureEvidence, String bundleId, JsonObject timings) {}
