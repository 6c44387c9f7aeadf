package dev.agentry.core.agentloop;

import dev.agentry.persistence.runs.StopReason;
import jakarta.json.JsonObject;

/**
 * Why and how the loop ended.
 *
 * @param stopReason its own end ({@code FINAL_RESULT}, a budget, {@code PROVIDER_ERROR}) or the run's
 *     ({@code TIMEOUT}, {@code CANCELLED}, {@code ENDED}: the run was ended from outside)
 * @param usage the tokens of all its turns
 * @param errorEvidence with {@code PROVIDER_ERROR}: what failed, redacted (status, error type); else null
 */
public record LoopResult(
        StopReason stopReason,
        String finalResult,
        String finalStatus,
        int turns,
        int toolCalls,
        String error,
        TokenUsage usage,
        JsonObject errorEvidence) {

    public LoopResult(
            StopReason stopReason, String finalResult, String finalStatus, int turns, int toolCalls, String error) {
        this(stopReason, finalResult, finalStatus, turns, toolCalls, error, TokenUsage.NONE, null);
    }
}
