package dev.agentry.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.Presence;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator turns a record's components and constraints into the schema's members and limits. */
class ContractSchemasTest {

    enum Colour {
        DARK_RED;

        public String wire() {
            return "dark_red";
        }
    }

    @Doc("A sample contract")
    record Sample(
            @NotNull @Size(max = 20) @Doc("what it is called")
            String name,

            @Pattern(regexp = "^[a-z]+$") String slug,
            @Min(1) @Max(200) Integer turns,
            long version,
            Instant at,
            @Size(max = 3) List<String> tags,
            Colour colour,
            Map<String, String> labels,
            JsonObject context,
            Nested nested,
            @JsonbNillable @WrittenAs(JsonObject.class) String snapshot,
            @JsonbProperty("expires_in") long expiresIn) {

        public static final String SCHEMA = "agentry/sample/v1";
    }

    record Nested(@NotNull String id) {}

    /** A request that both creates and changes, as the API's request records do. */
    record Request(
            @Pattern(regexp = Request.SCHEMA) String schema,

            @NotNull(groups = Creation.class) @Pattern(regexp = "[a-z]+")
            String slug,

            Integer ttlDays,
            @Presence("ttlDays") boolean ttlDaysGiven) {

        public static final String SCHEMA = "agentry/request/v1";
    }

    private final JsonObject request = ContractSchemas.of("request", "A request", Request.class);

    private final JsonObject schema = ContractSchemas.of("sample", "A sample", Sample.class);
    private final JsonObject properties = schema.getJsonObject("properties");

    @Test
    void theHeaderNamesTheDialectAndTheId() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"));
        assertEquals("sample", schema.getString("$id"));
        assertEquals("A sample", schema.getString("description"));
        assertEquals("sample", schema.getString("title"), "a contract is titled with its id");
    }

    @Test
    void aNestedRecordIsTitledWithItsName() {
        assertEquals("Nested", properties.getJsonObject("nested").getString("title"));
        assertNull(properties.getJsonObject("colour").get("title"), "only records");
    }

    @Test
    void everyObjectIsClosedButFreeFormJson() {
        assertFalse(schema.getBoolean("additionalProperties"));
        assertFalse(properties.getJsonObject("nested").getBoolean("additionalProperties"));
        assertEquals(
                Json.createObjectBuilder().add("type", "string").build(),
                properties.getJsonObject("labels").getJsonObject("additionalProperties"));
        assertNull(properties.getJsonObject("context").get("additionalProperties"), "a JsonObject is open");
    }

    @Test
    void constraintsBecomeLimits() {
        JsonObject name = properties.getJsonObject("name");
        assertEquals(20, name.getInt("maxLength"));
        assertEquals("what it is called", name.getString("description"));
        assertEquals("^[a-z]+$", properties.getJsonObject("slug").getString("pattern"));
        assertEquals(1, properties.getJsonObject("turns").getInt("minimum"));
        assertEquals(200, properties.getJsonObject("turns").getInt("maximum"));
        assertEquals(3, properties.getJsonObject("tags").getInt("maxItems"));
        assertEquals("date-time", properties.getJsonObject("at").getString("format"));
    }

    @Test
    void notNullPrimitivesTheSchemaConstantAndNillableMembersAreRequired() {
        assertEquals(
                List.of("schema", "expires_in", "name", "snapshot", "version"),
                strings(schema, "required").stream()
                        .sorted((a, b) -> a.equals("schema") ? -1 : b.equals("schema") ? 1 : a.compareTo(b))
                        .toList());
        assertEquals("agentry/sample/v1", properties.getJsonObject("schema").getString("const"));
        assertEquals(List.of("object", "null"), strings(properties.getJsonObject("snapshot"), "type"));
        assertEquals(List.of("string", "null"), strings(properties.getJsonObject("slug"), "type"));
    }

    @Test
    void aMemberIsNamedAsJsonbWritesIt() {
        assertTrue(properties.containsKey("expires_in"));
        assertFalse(properties.containsKey("expiresIn"));
    }

    @Test
    void anEnumListsItsWireValues() {
        assertEquals(
                "[\"dark_red\"]",
                properties.getJsonObject("colour").toString().replaceAll(".*\"enum\":(\\[[^]]*]).*", "$1"));
    }

    @Test
    void aRequestRequiresOnlyWhatEveryUseOfItRequires() {
        JsonObject members = request.getJsonObject("properties");
        assertNull(request.get("required"), "a change may leave out the slug and the schema: " + request);
        assertEquals("required when creating", members.getJsonObject("slug").getString("description"));
        assertEquals("agentry/request/v1", members.getJsonObject("schema").getString("const"));
        assertFalse(members.containsKey("ttlDaysGiven"), "a presence flag is not a member");
    }

    @Test
    void aPatternMatchesTheWholeValueAsBeanValidationsDoes() {
        assertEquals(
                "^(?:[a-z]+)$",
                request.getJsonObject("properties").getJsonObject("slug").getString("pattern"));
        assertEquals("^[a-z]+$", properties.getJsonObject("slug").getString("pattern"), "already anchored");
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
