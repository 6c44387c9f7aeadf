package dev.agentry.it.harness;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas {@code /schema/{id}} publishes, read as an independent JSON Schema validator (networknt, draft 2020-12)
 * sees them: each one's relative {@code $id} ({@code agent}) resolves against its address to itself, and so does a
 * {@code $ref} to another id. Every published object schema is closed ({@code additionalProperties: false}), which
 * reading one asserts, so a member the API writes but the schema lacks fails a validation.
 */
public final class PublishedSchemas {

    private static final String SCHEMAS = Api.server().resolve("api/v1/schema/").toString();
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, registry -> registry.schemas(PublishedSchemas::served));
    private static final Map<String, Schema> PUBLISHED = new ConcurrentHashMap<>();

    private PublishedSchemas() {}

    /** What the schema published under {@code id} finds wrong with {@code body}; empty when it conforms. */
    public static List<Error> errors(String id, String body) {
        return published(id).validate(body, InputFormat.JSON);
    }

    /** What the draft 2020-12 meta-schema finds wrong with a schema. */
    public static List<Error> metaSchemaErrors(String schema) {
        return REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema, InputFormat.JSON);
    }

    /** The schema published under {@code id}, read (as any schema it refers to) from /schema. */
    public static Schema published(String id) {
        return PUBLISHED.computeIfAbsent(id, key -> REGISTRY.getSchema(SchemaLocation.of(SCHEMAS + key)));
    }

    private static String served(String iri) {
        if (!iri.startsWith(SCHEMAS)) {
            return null;
        }
        String id = iri.substring(SCHEMAS.length());
        HttpResponse<String> response = get("api/v1/schema/" + id, asBootstrap());
        assertEquals(200, response.statusCode(), id + ": " + response.body());
        JsonObject schema = json(response);
        if ("object".equals(schema.get("type") instanceof JsonString type ? type.getString() : null)) {
            assertEquals(JsonValue.FALSE, schema.get("additionalProperties"), id + " is closed");
        }
        return response.body();
    }
}
