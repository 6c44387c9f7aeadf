package dev.agentry.core.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.catalog.CatalogSchemas;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.control.ActionCatalog;
import dev.agentry.core.control.actions.EntryUpdate;
import dev.agentry.core.control.actions.OrderUpdateStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What /schema publishes: every contract generated, closed, and what the hand-built schemas lacked. */
class SchemaCatalogTest {

    static Map<String, JsonObject> schemas;

    @BeforeAll
    static void build() throws ReflectiveOperationException {
        CatalogSchemas catalog = new CatalogSchemas();
        var field = CatalogSchemas.class.getDeclaredField("collections");
        field.setAccessible(true);
        field.set(catalog, new CatalogCollections());
        SchemaCatalog schemaCatalog = new SchemaCatalog();
        schemaCatalog.catalogSchemas = catalog;
        schemaCatalog.actions = ActionCatalog.of(List.of(new EntryUpdate(), new OrderUpdateStatus()));
        schemaCatalog.build();
        schemas = schemaCatalog.all();
    }

    @Test
    void everySchemaHasItsIdADescriptionAndTheDialect() {
        schemas.forEach((id, schema) -> {
            assertEquals(id, schema.getString("$id"));
            assertTrue(schema.containsKey("description"), id);
            if (!id.startsWith("tool.")) {
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"), id);
            }
        });
    }

    @Test
    void everyObjectOfAGeneratedSchemaIsClosedOrFreeForm() {
        schemas.forEach((id, schema) -> {
            if (!id.startsWith("tool.")) {
                assertClosed(id, schema);
            }
        });
    }

    @Test
    void everyActionPublishesItsInputWithItsLimits() {
        JsonObject update = schemas.get("action.entry.update");
        assertTrue(update.getString("description").contains("entries:read"), update::toString);
        JsonObject properties = update.getJsonObject("properties");
        assertTrue(properties.containsKey("expectedVersion"));
        assertEquals(500, properties.getJsonObject("title").getInt("maxLength"));
        assertTrue(schemas.containsKey("action.order.updateStatus"));
        assertTrue(schemas.containsKey("control.approval"));
    }

    @Test
    void theAgentSchemaStatesItsOriginAndWhetherItIsEditable() {
        JsonObject properties = schemas.get("agent").getJsonObject("properties");
        for (String member : new String[] {"schema", "origin", "editable", "slug"}) {
            assertTrue(properties.containsKey(member), member);
        }
        assertEquals("agentry/agent/v1", properties.getJsonObject("schema").getString("const"));
    }

    @Test
    void theRunSchemaStatesItsJobExecutionAndTheGoalLimitIsStatedOnce() {
        assertTrue(schemas.get("agent-task-run").getJsonObject("properties").containsKey("jobExecutionId"));
        JsonObject goal = schemas.get("task-input").getJsonObject("properties").getJsonObject("goal");
        assertEquals(20000, goal.getInt("maxLength"));
    }

    /** An object schema has properties and additionalProperties false, or is free-form (no properties at all). */
    private static void assertClosed(String id, JsonObject schema) {
        Deque<JsonObject> pending = new ArrayDeque<>();
        pending.add(schema);
        while (!pending.isEmpty()) {
            JsonObject node = pending.pop();
            if (node.containsKey("properties")) {
                assertEquals(JsonValue.FALSE, node.get("additionalProperties"), id + ": " + node);
            }
            node.values().forEach(value -> {
                if (value instanceof JsonObject object) {
                    pending.add(object);
                } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                    value.asJsonArray().stream()
                            .filter(JsonObject.class::isInstance)
                            .map(JsonObject.class::cast)
                            .forEach(pending::add);
                }
            });
        }
    }
}
