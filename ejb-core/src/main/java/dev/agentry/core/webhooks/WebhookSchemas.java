package dev.agentry.core.webhooks;

import static dev.agentry.core.catalog.CatalogSchemas.changeProperties;
import static dev.agentry.core.catalog.CatalogSchemas.header;
import static dev.agentry.core.catalog.CatalogSchemas.nullable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas of webhook payloads: {@code webhook.event.<type>} for every type in the event
 * catalog (the envelope with its {@code data} schema), and the data schemas they share.
 */
@ApplicationScoped
public class WebhookSchemas {

    public Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        for (EventType type : EventCatalog.ALL) {
            schemas.put("webhook.event." + type.type(), event(type));
        }
        schemas.put(
                EventCatalog.CHANGE_DATA,
                data(
                        EventCatalog.CHANGE_DATA,
                        "A catalog change; personal data in the snapshot is redacted unless the subscriber's credential"
                                + " holds the collection's :read_sensitive scope; the snapshot is null for a delete",
                        changeProperties(),
                        "resourceType",
                        "resourceId",
                        "action",
                        "version",
                        "changedAt",
                        "snapshot"));
        schemas.put(
                EventCatalog.CREDENTIAL_DATA,
                data(
                        EventCatalog.CREDENTIAL_DATA,
                        "The credential concerned; never a secret",
                        Json.createObjectBuilder()
                                .add("credentialId", string())
                                .add("clientId", string())
                                .add("name", string())
                                .add("owner", string())
                                .add("expiresAt", nullable("string").add("format", "date-time")),
                        "credentialId",
                        "clientId"));
        schemas.put(
                EventCatalog.RUN_DATA,
                data(
                        EventCatalog.RUN_DATA,
                        "The run that ended; its artifacts are under /runs/{runId}/artifacts",
                        Json.createObjectBuilder()
                                .add("runId", string())
                                .add("agent", string())
                                .add("credentialId", string())
                                .add("status", string())
                                .add("outcome", nullable("string"))
                                .add("stopReason", nullable("string"))
                                .add("bundleId", nullable("string"))
                                .add("finishedAt", string().add("format", "date-time")),
                        "runId",
                        "agent",
                        "status",
                        "finishedAt"));
        schemas.put(
                EventCatalog.TEST_DATA,
                data(
                        EventCatalog.TEST_DATA,
                        "A test event sent on request",
                        Json.createObjectBuilder()
                                .add("subscriptionId", string())
                                .add("message", string()),
                        "subscriptionId"));
        return schemas;
    }

    private static JsonObject event(EventType type) {
        return header("webhook.event." + type.type(), type.description() + " (payload version " + type.version() + ")")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("id", string())
                                .add("type", Json.createObjectBuilder().add("const", type.type()))
                                .add("occurredAt", time())
                                .add("data", Json.createObjectBuilder().add("$ref", type.dataSchema())))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("id")
                                .add("type")
                                .add("occurredAt")
                                .add("data"))
                .build();
    }

    private static JsonObject data(String id, String description, JsonObjectBuilder properties, String... required) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String name : required) {
            names.add(name);
        }
        return header(id, description)
                .add("type", "object")
                .add("properties", properties)
                .add("required", names)
                .build();
    }

    private static JsonObjectBuilder string() {
        return Json.createObjectBuilder().add("type", "string");
    }

    private static JsonObjectBuilder time() {
        return string().add("format", "date-time");
    }
}
