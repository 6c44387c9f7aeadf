package dev.agentry.core.agentloop;

/**
 * How far a loop may go; null {@code maxCallsPerTool} means only the total counts, null {@code
 * tokenBudget} that tokens are not counted against a limit (they are still recorded).
 */
public record LoopBudget(int maxTurns, int maxToolCalls, Integer maxCallsPerTool, Long tokenBudget) {

    public LoopBudget(int maxTurns, int maxToolCalls, Integer maxCallsPerTool) {
        this(maxTurns, maxToolCalls, maxCallsPerTool, null);
    }
}
