package dev.agentry.api.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.cursor.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultTest {

    private static JsonObject parsed(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Page<Map<String, Object>> page() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", 7L);
        entry.put("title", "Tea \"story\"\n\u00e9 \u2028 \\ \t\r\b\f\u0001 1");
        entry.put("weight", 0.00001d);
        return Page.of(List.of(entry), "next");
    }

    @Test
    void theTextIsTheSameResultAsTheValue() {
        McpJson.Rendered answer = McpJson.rendered(page());

        assertEquals(ToolResult.of(answer, false), parsed(ToolResult.text(answer, false)));
        assertEquals(ToolResult.of(answer, true), parsed(ToolResult.text(answer, true)));
    }

    @Test
    void theStructuredContentIsJsonbsTextAsItIsAndTheTextContentItsString() {
        String rest = JsonbBuilder.create().toJson(page());

        String text = ToolResult.text(McpJson.rendered(page()), false);

        assertTrue(text.contains("\"structuredContent\":" + rest + ","), text);
        assertEquals(rest, parsed(text).getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void anAnswerThatIsNoObjectIsWrappedAsValue() {
        McpJson.Rendered answer = McpJson.rendered(List.of("a", "b"));

        JsonObject result = parsed(ToolResult.text(answer, false));

        assertEquals(
                Json.createArrayBuilder().add("a").add("b").build(),
                result.getJsonObject("structuredContent").get("value"));
        assertEquals(ToolResult.of(answer, false), result);
    }
}
