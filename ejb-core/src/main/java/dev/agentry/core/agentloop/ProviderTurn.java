package dev.agentry.core.agentloop;

import dev.agentry.core.tools.ToolCall;
import java.util.List;

/**
 * What the provider answered for one turn: text, tool calls to make, and possibly the final result.
 *
 * @param finalResult the agent's answer when it is done, else null
 * @param finalStatus {@code completed} or {@code unable_to_remediate} when the agent gives up
 * @param usage the tokens the turn cost, when the provider reports them; else null
 */
public record ProviderTurn(
        String text, List<ToolCall> toolCalls, String finalResult, String finalStatus, TokenUsage usage) {

    public ProviderTurn {
        toolCalls = List.copyOf(toolCalls);
    }

    public ProviderTurn(String text, List<ToolCall> toolCalls, String finalResult, String finalStatus) {
        this(text, toolCalls, finalResult, finalStatus, null);
    }
}
