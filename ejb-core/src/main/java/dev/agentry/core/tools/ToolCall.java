package dev.agentry.core.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A call an agent asked for: its id within the run, the tool's name and the arguments.
 *
 * @param malformed why the arguments the model sent could not be read as a JSON object (then {@code
 *     arguments} is empty and the call is answered with a tool error), else null
 */
public record ToolCall(String id, String tool, JsonObject arguments, String malformed) {

    public ToolCall(String id, String tool, JsonObject arguments) {
        this(id, tool, arguments, null);
    }

    /** A call whose arguments did not parse: the model hears why and may try again. */
    public static ToolCall malformed(String id, String tool, String why) {
        return new ToolCall(id, tool, JsonValue.EMPTY_JSON_OBJECT, why);
    }
}
