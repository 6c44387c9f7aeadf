package dev.agentry.api.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentry.core.cursor.Page;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpJsonTest {

    private static final Jsonb REST = JsonbBuilder.create();

    private static Page<Map<String, Object>> page() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", 7L);
        entry.put("title", "Tea \"story\" 1");
        entry.put("weight", 0.00001d); // JSON-B writes 1.0E-5; the parsed value would write 0.000010
        entry.put("tags", List.of("summer"));
        return Page.of(List.of(entry), "next");
    }

    @Test
    void theTextIsWhatRestWritesAndTheValueTheSameDocument() {
        McpJson.Rendered rendered = McpJson.rendered(page());

        String rest = REST.toJson(page());
        assertEquals(rest, rendered.text());
        assertEquals(Json.createReader(new StringReader(rest)).readValue(), rendered.value());
    }

    @Test
    void aJsonValueIsTakenAsItIs() {
        JsonValue value = Json.createObjectBuilder().add("a", 1).build();

        McpJson.Rendered rendered = McpJson.rendered(value);

        assertSame(value, rendered.value());
        assertEquals("{\"a\":1}", rendered.text());
    }
}
