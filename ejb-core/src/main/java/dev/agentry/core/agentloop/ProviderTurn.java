package dev.agentry.core.agentloop;

import dev.agentry.core.tools.ToolCall;
import java.util.List;

/**
 * What the provider answered for one turn: text, tool calls to make, and possibly the final result.
 *
 * @param finalResult the agent's answer when it is done, else null
 * @param finalStatus {@code completed} or {@code unable_to_remediate} when the agent gives up
 */
public record ProviderTurn(String text, List<ToolCall> toolCalls, String finalResult, String finalStatus) {

    public ProviderTurn {
        toolCalls = List.copyOf(toolCalls);
    }
}
