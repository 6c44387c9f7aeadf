package dev.agentry.core.agentloop;

/** How far a loop may go; null {@code maxCallsPerTool} means only the total counts. */
public record LoopBudget(int maxTurns, int maxToolCalls, Integer maxCallsPerTool) {}
