package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;

/**
 * A {@code tools/call} result: the JSON as structured content and, for clients that show only {@code content}
 * (as the spec recommends), as text content too — the text JSON-B wrote, not the value written out again.
 */
final class ToolResult {

    private ToolResult() {}

    static JsonObject of(McpJson.Rendered answer, boolean isError) {
        return Jsonp.createObjectBuilder()
                .add(
                        "content",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("type", "text")
                                        .add("text", answer.text())))
                .add("structuredContent", McpJson.object(answer.value()))
                .add("isError", isError)
                .build();
    }
}
