package dev.agentry.core.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas (draft 2020-12) of every collection's records, derived from the descriptors, and of
 * the read API's envelopes. Ids are stable: {@code collection.<name>} and {@code envelope.<name>}.
 */
@ApplicationScoped
public class CatalogSchemas {

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    @Inject
    CatalogCollections collections;

    /** Every schema by id. */
    public Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        for (CollectionDescriptor collection : collections.all()) {
            schemas.put("collection." + collection.name(), record(collection));
        }
        schemas.put("envelope.collection-page", collectionPage());
        schemas.put("envelope.change", change());
        schemas.put("envelope.change-page", changePage());
        schemas.put("envelope.checkpoint", checkpoint());
        schemas.put("envelope.lag", lag());
        return schemas;
    }

    private static JsonObject record(CollectionDescriptor collection) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        for (CollectionField field : collection.fields()) {
            JsonObjectBuilder property = type(field);
            if (field.sensitive()) {
                property.add(
                        "description",
                        "Personal data: null unless the caller holds "
                                + collection.sensitiveScope().orElse("a scope no credential can hold"));
            }
            properties.add(field.name(), property);
        }
        properties.add(
                "redacted", Json.createObjectBuilder().add("type", "boolean").add("const", true));
        return header("collection." + collection.name(), collection.description())
                .add("type", "object")
                .add("properties", properties)
                .add("required", Json.createArrayBuilder().add("id").add("uid").add("version"))
                .build();
    }

    private static JsonObjectBuilder type(CollectionField field) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        switch (field.kind()) {
            case NUMBER -> types.add("number");
            case TEXT -> types.add("string");
            case TIME -> types.add("string");
            case OTHER -> {
                types.add("string").add("array").add("object");
            }
        }
        types.add("null");
        JsonObjectBuilder property = Json.createObjectBuilder().add("type", types);
        if (field.kind() == CollectionField.Kind.TIME) {
            property.add("format", "date-time");
        }
        return property;
    }

    private static JsonObject collectionPage() {
        return header("envelope.collection-page", "A page of a collection")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("data", Json.createObjectBuilder().add("type", "array"))
                                .add("nextCursor", nullable("string"))
                                .add("hasMore", Json.createObjectBuilder().add("type", "boolean"))
                                .add("count", Json.createObjectBuilder().add("type", "integer")))
                .add(
                        "required",
                        Json.createArrayBuilder().add("data").add("hasMore").add("count"))
                .build();
    }

    private static JsonObject change() {
        return header("envelope.change", "One create, update or delete; snapshot is null for a delete")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("cursor", Json.createObjectBuilder().add("type", "string"))
                                .addAll(changeProperties()))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("cursor")
                                .add("resourceType")
                                .add("resourceId")
                                .add("action")
                                .add("version")
                                .add("changedAt")
                                .add("snapshot"))
                .build();
    }

    private static JsonObject changePage() {
        return header("envelope.change-page", "A page of the changes feed; nextCursor is always present")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add(
                                        "data",
                                        Json.createObjectBuilder()
                                                .add("type", "array")
                                                .add(
                                                        "items",
                                                        Json.createObjectBuilder()
                                                                .add("$ref", "envelope.change")))
                                .add("nextCursor", Json.createObjectBuilder().add("type", "string"))
                                .add("hasMore", Json.createObjectBuilder().add("type", "boolean"))
                                .add("count", Json.createObjectBuilder().add("type", "integer")))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("data")
                                .add("nextCursor")
                                .add("hasMore")
                                .add("count"))
                .build();
    }

    private static JsonObject checkpoint() {
        return header("envelope.checkpoint", "A consumer's stored position in the changes feed")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add(
                                        "consumer",
                                        Json.createObjectBuilder()
                                                .add("type", "string")
                                                .add("pattern", "^[A-Za-z0-9._:-]{1,100}$"))
                                .add("resourceType", Json.createObjectBuilder().add("type", "string"))
                                .add("cursor", Json.createObjectBuilder().add("type", "string"))
                                .add(
                                        "checkpointAt",
                                        Json.createObjectBuilder()
                                                .add("type", "string")
                                                .add("format", "date-time"))
                                .add("metadata", nullable("object")))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("consumer")
                                .add("resourceType")
                                .add("cursor"))
                .build();
    }

    private static JsonObject lag() {
        return header("envelope.lag", "How far one checkpoint is behind, computed when read")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("consumer", Json.createObjectBuilder().add("type", "string"))
                                .add("resourceType", Json.createObjectBuilder().add("type", "string"))
                                .add(
                                        "checkpointAt",
                                        Json.createObjectBuilder()
                                                .add("type", "string")
                                                .add("format", "date-time"))
                                .add("changesBehind", Json.createObjectBuilder().add("type", "integer"))
                                .add("secondsBehind", Json.createObjectBuilder().add("type", "integer"))
                                .add(
                                        "status",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "enum",
                                                        Json.createArrayBuilder()
                                                                .add("healthy")
                                                                .add("warning")
                                                                .add("critical"))))
                .build();
    }

    /** What a change says about itself, in the feed and in webhook events alike. */
    public static JsonObjectBuilder changeProperties() {
        return Json.createObjectBuilder()
                .add("resourceType", Json.createObjectBuilder().add("type", "string"))
                .add("resourceId", Json.createObjectBuilder().add("type", "string"))
                .add(
                        "action",
                        Json.createObjectBuilder()
                                .add(
                                        "enum",
                                        Json.createArrayBuilder()
                                                .add("create")
                                                .add("update")
                                                .add("delete")))
                .add("version", Json.createObjectBuilder().add("type", "integer"))
                .add(
                        "changedAt",
                        Json.createObjectBuilder().add("type", "string").add("format", "date-time"))
                .add("snapshot", nullable("object"));
    }

    /** The start of every schema this API serves: dialect, id, title and description. */
    public static JsonObjectBuilder header(String id, String description) {
        return Json.createObjectBuilder()
                .add("$schema", DIALECT)
                .add("$id", id)
                .add("title", id)
                .add("description", description);
    }

    public static JsonObjectBuilder nullable(String type) {
        return Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add(type).add("null"));
    }
}
