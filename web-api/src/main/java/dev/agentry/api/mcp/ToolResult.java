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
        StringBuilder out =
                new StringBuilder(json.length() * 2 + 96).append("{\"content\":[{\"type\":\"text\",\"text\":");
        quoted(out, json).append("}],\"structuredContent\":");
        if (answer.isObject()) {
            out.append(json);
        } else {
            out.append("{\"value\":").append(json).append('}');
        }
        return out.append(",\"isError\":").append(isError).append('}').toString();
    }

    /**
     * The text as a JSON string. Parsson's {@code JsonString.toString()} escapes a character at a time and was a
     * third of the endpoint's samples in a profile of bench/mcp.sh; this copies the runs between escapes.
     */
    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"' && c != '\\' && c >= 0x20) {
                continue;
            }
            out.append(text, from, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
            from = i + 1;
        }
        return out.append(text, from, text.length()).append('"');
    }
}
