package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;

/**
 * A {@code tools/call} result: the JSON as structured content and, for clients that show only {@code content}
 * (as the spec recommends), as text content too — the text JSON-B wrote, not the value written out again.
 */
final class ToolResult {

    private ToolResult() {}

    /** The result as a JSON-P value, for answers built as values (a run's progress stream). */
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

    /**
     * The same result as JSON text, with JSON-B's text embedded as the structured content as it is: the page is
     * neither parsed back nor written again (bench/mcp.sh). Members in the order {@link #of} writes them.
     */
    static String text(McpJson.Rendered answer, boolean isError) {
        String json = answer.text();
        StringBuilder out = new StringBuilder(json.length() * 2 + 96)
                .append("{\"content\":[{\"type\":\"text\",\"text\":")
                .append(Jsonp.createValue(json))
                .append("}],\"structuredContent\":");
        if (answer.isObject()) {
            out.append(json);
        } else {
            out.append("{\"value\":").append(json).append('}');
        }
        return out.append(",\"isError\":").append(isError).append('}').toString();
    }
}
