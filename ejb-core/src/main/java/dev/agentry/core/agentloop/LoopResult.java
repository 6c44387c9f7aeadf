package dev.agentry.core.agentloop;

/**
 * Why and how the loop ended.
 *
 * @param stopReason {@code final_result}, {@code max_turns}, {@code max_tool_calls},
 *     {@code max_calls_per_tool}, {@code timeout}, {@code cancelled}, {@code ended} (the run was ended
 *     from outside) or {@code provider_error}
 */
public record LoopResult(
        String stopReason, String finalResult, String finalStatus, int turns, int toolCalls, String error) {}
