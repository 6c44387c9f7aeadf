package dev.agentry.core.tools;

import jakarta.json.JsonObject;

/** A call an agent asked for: its id within the run, the tool's name and the arguments. */
public record ToolCall(String id, String tool, JsonObject arguments) {}
