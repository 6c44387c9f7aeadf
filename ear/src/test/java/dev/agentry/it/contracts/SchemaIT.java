package dev.agentry.it.contracts;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/schema: a JSON Schema for every collection and envelope, matching what the API serves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchemaIT {

    @Test
    void everyCollectionHasASchemaDescribingEveryFieldItServes() {
        DemoData.await();
        List<String> ids = json(get("api/v1/schema", asBootstrap())).getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
        assertTrue(ids.containsAll(List.of("envelope.change", "envelope.change-page", "envelope.checkpoint")));

        for (String collection : List.of("entries", "users", "orders", "variants", "addresses")) {
            assertTrue(ids.contains("collection." + collection), collection);
            JsonObject schema = json(get("api/v1/schema/collection." + collection, asBootstrap()));
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"));
            JsonObject properties = schema.getJsonObject("properties");
            JsonObject record = json(get("api/v1/" + collection + "?limit=1", asBootstrap()))
                    .getJsonArray("data")
                    .getJsonObject(0);
            for (String field : record.keySet()) {
                assertTrue(properties.containsKey(field), collection + "." + field + " is not in its schema");
            }
        }
        JsonObject users = json(get("api/v1/schema/collection.users", asBootstrap()));
        assertTrue(users.getJsonObject("properties")
                .getJsonObject("email")
                .getString("description")
                .contains("users:read_sensitive"));
        JsonObject change = json(get("api/v1/schema/envelope.change", asBootstrap()));
        assertTrue(change.getJsonArray("required").contains(jakarta.json.Json.createValue("snapshot")));
        assertEquals(
                List.of("object", "null"),
                change.getJsonObject("properties").getJsonObject("snapshot").getJsonArray("type").stream()
                        .map(v -> ((jakarta.json.JsonString) v).getString())
                        .toList());
    }

    @Test
    void anUnknownSchemaIsNotFound() {
        assertProblem(get("api/v1/schema/collection.widgets", asBootstrap()), 404, "not_found");
    }
}
