package dev.agentry.api.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A JSON Schema (draft 2020-12, which an OAS 3.1 Schema Object is) as the MicroProfile OpenAPI model of it, keyword
 * for keyword: subschemas become model schemas, counts integers, bounds decimals, and the rest (strings, {@code
 * const}, {@code enum}, {@code $id} ...) plain values, so the platform and {@link OpenApiJson} write it back as it
 * was.
 */
final class JsonSchemaModel {

    private JsonSchemaModel() {}

    static Schema of(JsonValue json) {
        if (json.getValueType() == JsonValue.ValueType.TRUE || json.getValueType() == JsonValue.ValueType.FALSE) {
            return OASFactory.createSchema().booleanSchema(json == JsonValue.TRUE);
        }
        Schema schema = OASFactory.createSchema();
        json.asJsonObject().forEach((keyword, value) -> set(schema, keyword, value));
        return schema;
    }

    private static void set(Schema schema, String keyword, JsonValue value) {
        switch (keyword) {
            case "type" -> schema.setType(types(value));
            case "additionalProperties" -> {
                if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                    schema.setAdditionalPropertiesSchema(of(value));
                } else {
                    schema.setAdditionalPropertiesBoolean(value == JsonValue.TRUE);
                }
            }
            case "properties", "patternProperties", "$defs", "dependentSchemas" -> {
                Map<String, Schema> members = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> members.put(name, of(member)));
                schema.set(keyword, members);
            }
            case "items",
                    "not",
                    "contains",
                    "if",
                    "then",
                    "else",
                    "propertyNames",
                    "contentSchema",
                    "unevaluatedItems",
                    "unevaluatedProperties" -> schema.set(keyword, of(value));
            case "allOf", "anyOf", "oneOf", "prefixItems" ->
                schema.set(
                        keyword,
                        value.asJsonArray().stream().map(JsonSchemaModel::of).toList());
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
                schema.set(keyword, ((JsonNumber) value).bigDecimalValue());
            case "minLength",
                    "maxLength",
                    "minItems",
                    "maxItems",
                    "minProperties",
                    "maxProperties",
                    "minContains",
                    "maxContains" -> schema.set(keyword, ((JsonNumber) value).intValueExact());
            default -> schema.set(keyword, plain(value));
        }
    }

    private static List<Schema.SchemaType> types(JsonValue value) {
        List<JsonValue> names = value instanceof JsonArray array ? array : List.of(value);
        return names.stream()
                .map(name -> Schema.SchemaType.valueOf(
                        ((JsonString) name).getString().toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** A JSON value as the plain Java value the model holds for a keyword that is not a schema. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY ->
                value.asJsonArray().stream().map(JsonSchemaModel::plain).toList();
            case OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, member) -> members.put(name, plain(member)));
                yield members;
            }
        };
    }
}
