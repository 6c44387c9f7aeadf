package dev.agentry.core.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentCheckTest {

    @Test
    void everyCatalogSchemaUsesOnlyTheKeywordsTheCheckKnows() {
        for (ToolDescriptor tool : ToolCatalog.ALL) {
            assertTrue(ArgumentCheck.KEYWORDS.containsAll(tool.arguments().keySet()), tool.name());
            for (JsonValue property :
                    tool.arguments().getJsonObject("properties").values()) {
                assertTrue(
                        ArgumentCheck.KEYWORDS.containsAll(
                                property.asJsonObject().keySet()),
                        tool.name() + ": " + property);
            }
        }
    }

    @Test
    void missingUnknownAndWronglyTypedArgumentsAreNamed() {
        JsonObject write =
                ToolCatalog.named(ToolCatalog.WORKSPACE_WRITE).orElseThrow().arguments();
        JsonObject read =
                ToolCatalog.named(ToolCatalog.CATALOG_READ).orElseThrow().arguments();
        assertEquals(Optional.empty(), ArgumentCheck.problem(write, json("{\"path\":\"a\",\"content\":\"b\"}")));
        assertEquals(
                Optional.of("The argument content is required."),
                ArgumentCheck.problem(write, json("{\"path\":\"a\"}")));
        assertEquals(
                Optional.of("The argument path must be a string."),
                ArgumentCheck.problem(write, json("{\"path\":42,\"content\":\"b\"}")));
        assertEquals(
                Optional.of("There is no argument \"mode\"."),
                ArgumentCheck.problem(write, json("{\"path\":\"a\",\"content\":\"b\",\"mode\":1}")));
        assertEquals(
                Optional.of("The argument limit is at most 100."),
                ArgumentCheck.problem(read, json("{\"collection\":\"c\",\"limit\":101}")));
        assertEquals(
                Optional.of("The argument limit must be an integer."),
                ArgumentCheck.problem(read, json("{\"collection\":\"c\",\"limit\":1.5}")));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
