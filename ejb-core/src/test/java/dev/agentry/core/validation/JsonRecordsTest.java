package dev.agentry.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    public record File(
            @NotBlank(message = "path is required") String path, Integer size) {}

    public record Context(List<@Valid File> files, Map<@Size(max = 3) String, @Size(max = 2) String> labels) {}

    public record Body(
            @NotBlank(message = "name is required") String name,
            Integer count,
            Boolean on,
            @Valid Context context,
            JsonObject free,
            List<String> tags,
            Long big,
            @Presence("count") boolean countGiven) {}

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static List<String> named(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void aWellShapedBodyBinds() {
        JsonRecords.Bound<Body> bound = JsonRecords.bind(
                json("{\"name\":\"n\",\"count\":null,\"on\":true,\"context\":{\"files\":[{\"path\":\"a\",\"size\":2}]},"
                        + "\"free\":{\"x\":[1]},\"tags\":[\"t\"],\"big\":12345678901}"),
                Body.class);

        assertEquals(List.of(), bound.errors());
        Body body = bound.value();
        assertEquals("n", body.name());
        assertNull(body.count());
        assertTrue(body.countGiven(), "an explicit null is given");
        assertEquals("a", body.context().files().get(0).path());
        assertEquals(List.of("t"), body.tags());
        assertEquals(12345678901L, body.big());
        assertEquals(1, body.free().getJsonArray("x").getInt(0));
    }

    @Test
    void anAbsentMemberIsNotGiven() {
        JsonRecords.Bound<Body> bound = JsonRecords.bind(json("{\"name\":\"n\"}"), Body.class);

        assertFalse(bound.value().countGiven());
        assertNull(bound.value().tags());
    }

    @Test
    void everyMisfitIsNamedWithItsPathAndLeftOut() {
        JsonRecords.Bound<Body> bound = JsonRecords.bind(
                json("{\"name\":5,\"count\":1.5,\"on\":\"yes\",\"context\":{\"files\":[{\"path\":\"a\"},"
                        + "{\"path\":7},{\"path\":\"c\",\"mode\":1}],\"labels\":{\"k\":3}},\"free\":[],"
                        + "\"tags\":[\"a\",2,\"c\"],\"big\":\"1\",\"extra\":true,\"countGiven\":true}"),
                Body.class);

        assertEquals(
                List.of(
                        "countGiven:unknown_field",
                        "extra:unknown_field",
                        "name:not_a_string",
                        "count:not_an_integer",
                        "on:not_a_boolean",
                        "context.files[1].path:not_a_string",
                        "context.files[2].mode:unknown_field",
                        "context.labels.k:not_a_string",
                        "free:not_an_object",
                        "tags[1]:not_a_string",
                        "big:not_an_integer"),
                named(bound.errors()));
        assertEquals(java.util.Arrays.asList("a", null, "c"), bound.value().tags(), "later entries keep their index");
    }

    @Test
    void violationsJoinTheShapeErrorsOnFieldsNotAlreadyNamed() {
        JsonRecords.Bound<Body> bound = JsonRecords.bind(
                json("{\"name\":5,\"context\":{\"files\":[{\"path\":\"a\"},{\"path\":\"\"},{\"path\":3}],"
                        + "\"labels\":{\"long\":\"abc\",\"longer\":\"a\"}},\"surprise\":1}"),
                Body.class);

        List<FieldError> errors = Violations.merged(bound.errors(), VALIDATOR.validate(bound.value()));

        assertEquals(
                List.of(
                        "surprise:unknown_field",
                        "name:not_a_string",
                        "context.files[2].path:not_a_string",
                        "context.files[1].path:required",
                        "context.labels.long:too_long",
                        "context.labels.longer:too_long"),
                named(errors));
    }

    @Test
    void aBodyThatIsNoObjectIsNamedAsSuch() {
        for (String body : List.of("[1,2]", "\"text\"", "3", "null")) {
            JsonRecords.Bound<Body> bound = JsonRecords.bind(json(body), Body.class);
            assertNull(bound.value());
            assertEquals(List.of("body:not_an_object"), named(bound.errors()), body);
        }
    }
}
