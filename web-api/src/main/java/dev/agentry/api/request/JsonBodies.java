package dev.agentry.api.request;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/** Peeks at a request body read into memory (already bounded by {@link RequestBodyLimit}). */
public final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object; empty for anything else, which the record reader then refuses precisely. */
    public static Optional<JsonObject> object(byte[] body) {
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
