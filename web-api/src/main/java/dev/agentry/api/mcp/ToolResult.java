package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A {@code tools/call} result: the JSON as {@code structuredContent} and, for clients that show only text, as text. */
final class ToolResult {

    private ToolResult() {}

    static JsonObject success(JsonValue result) {
        return of(result, false);
    }

    static JsonObject of(JsonValue result, boolean isError) {
        return Jsonp.createObjectBuilder()
                .add(
                        "content",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("type", "text")
                                        .add("text", result.toString())))
                .add("structuredContent", McpJson.object(result))
                .add("isError", isError)
                .build();
    }
}
