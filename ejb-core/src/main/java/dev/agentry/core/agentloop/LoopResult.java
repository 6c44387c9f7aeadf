package dev.agentry.core.agentloop;

import dev.agentry.persistence.runs.StopReason;

/**
 * Why and how the loop ended.
 *
 * @param stopReason its own end ({@code FINAL_RESULT}, a budget, {@code PROVIDER_ERROR}) or the run's
 *     ({@code TIMEOUT}, {@code CANCELLED}, {@code ENDED}: the run was ended from outside)
 */
public record LoopResult(
        StopReason stopReason, String finalResult, String finalStatus, int turns, int toolCalls, String error) {}
