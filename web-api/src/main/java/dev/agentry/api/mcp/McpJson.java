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
        if (value instanceof JsonValue json) {
            return json;
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }

    /** An object as MCP's {@code structuredContent} must be; anything else is wrapped as {@code {value}}. */
    static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object
                ? object
                : Jsonp.createObjectBuilder().add("value", value).build();
    }
}
