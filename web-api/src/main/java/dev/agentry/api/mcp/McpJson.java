package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/** What a REST route would write, as a JSON value: JSON-B with the API's defaults, so both doors say the same. */
final class McpJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private McpJson() {}

    static JsonValue of(Object value) {
        return rendered(value).value();
    }

    /**
     * The value's JSON text, written once by JSON-B as REST writes it, and the same JSON as a value. A tool's
     * answer carries both (text content and structured content): taking the text from here rather than
     * writing the value out again saves one of the serialisations a tool call costs (bench/mcp.sh).
     */
    static Rendered rendered(Object value) {
        if (value instanceof JsonValue json) {
            return new Rendered(json.toString(), json);
        }
        return new Rendered(JSONB.toJson(value), null);
    }

    /** An object as MCP's {@code structuredContent} must be; anything else is wrapped as {@code {value}}. */
    static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object
                ? object
                : Jsonp.createObjectBuilder().add("value", value).build();
    }

    /**
     * One JSON document as text and, when asked for, as a value. A tool call answered in JSON only writes the
     * text into its response (bench/mcp.sh: parsing it back cost more than writing it), so the value is parsed
     * only for the answers that are built as JSON-P values (a run's progress stream).
     */
    static final class Rendered {

        private final String text;
        private JsonValue value;

        Rendered(String text, JsonValue value) {
            this.text = text;
            this.value = value;
        }

        /** The document as JSON text, as JSON-B (REST) writes it. */
        String text() {
            return text;
        }

        /** The same document parsed. */
        JsonValue value() {
            if (value == null) {
                try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
                    value = reader.readValue();
                }
            }
            return value;
        }

        /** Whether the document is a JSON object, as MCP's {@code structuredContent} must be. */
        boolean isObject() {
            return value != null ? value instanceof JsonObject : text.startsWith("{");
        }
    }
}
