package dev.agentry.core.catalog;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.collections.CollectionField;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.schema.ContractSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas (draft 2020-12) of every collection's records, derived from the descriptors: the fields are data,
 * stated once in the descriptor. Ids are stable: {@code collection.<name>}. The envelopes' schemas are generated
 * from their records ({@code dev.agentry.core.contracts.SchemaCatalog}).
 */
@ApplicationScoped
@Boundary
public class CatalogSchemas {

    @Inject
    CatalogCollections collections;

    /** Every schema by id. */
    public Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        for (CollectionDescriptor collection : collections.all()) {
            schemas.put("collection." + collection.name(), of(collection));
        }
        return schemas;
    }

    /**
     * The published schema of one collection's records: every field by its kind, null when unset or, for personal
     * data, redacted; only the uid always present (a {@code fields} projection keeps it and leaves out the rest).
     */
    public static JsonObject of(CollectionDescriptor collection) {
        JsonObjectBuilder properties = Jsonp.createObjectBuilder();
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
                "redacted", Jsonp.createObjectBuilder().add("type", "boolean").add("const", true));
        return ContractSchemas.header("collection." + collection.name(), collection.description())
                .add("type", "object")
                .add("properties", properties)
                .add("required", Jsonp.createArrayBuilder().add("uid"))
                .add("additionalProperties", false)
                .build();
    }

    /**
     * A field's schema by its kind, each one nullable. A field shown as stored ({@code OTHER}: a JSON body, line items)
     * states no type: the empty schema is any JSON value, which a client generator reads as a free-form value, where a
     * list of types would make it a union of wrappers.
     */
    private static JsonObjectBuilder type(CollectionField field) {
        return switch (field.kind()) {
            case NUMBER -> nullable("number");
            case TEXT -> nullable("string");
            case TIME -> nullable("string").add("format", "date-time");
            case OTHER -> Jsonp.createObjectBuilder().add("description", "Any JSON value, as stored");
        };
    }

    private static JsonObjectBuilder nullable(String type) {
        return Jsonp.createObjectBuilder()
                .add("type", Jsonp.createArrayBuilder().add(type).add("null"));
    }
}
