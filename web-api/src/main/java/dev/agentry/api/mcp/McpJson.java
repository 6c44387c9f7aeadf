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
        String text = JSONB.toJson(value);
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            return new Rendered(text, reader.readValue());
        }
    }

    /** An object as MCP's {@code structuredContent} must be; anything else is wrapped as {@code {value}}. */
    static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object
                ? object
                : Jsonp.createObjectBuilder().add("value", value).build();
    }

    /**
     * One JSON document as text and as a value.
     *
     * @param text the document as JSON text
     * @param value the same document parsed
     */
    record Rendered(String text, JsonValue value) {}
}
