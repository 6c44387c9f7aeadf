package dev.agentry.core.tools;

import jakarta.json.JsonObject;

/**
 * The run's memory as the memory tools reach it: its agent's, its owner's and its session's layers,
 * as far as the agent's memory policy allows.
 */
@FunctionalInterface
public interface MemoryAccess {

    /** No memory: every memory tool says so. */
    MemoryAccess NONE = (tool, args) -> ToolOutcome.error("memory_unavailable", "This run has no memory.");

    /** Runs one memory tool ({@code memory.read}, {@code .write}, {@code .list}, {@code .delete}). */
    ToolOutcome call(String tool, JsonObject arguments);
}
