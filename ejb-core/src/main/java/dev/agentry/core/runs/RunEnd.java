package dev.agentry.core.runs;

import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.JsonObject;

/**
 * How a run ended, as recorded on its row.
 *
 * @param failureEvidence phase, command, exit code and redacted output tails; null on success
 * @param timings milliseconds per phase
 */
record RunEnd(
        Outcome outcome, StopReason stopReason, JsonObject failureEvidence, String bundleId, JsonObject timings) {}
