package dev.agentry.core.sync;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** A checkpoint's free-form metadata: a JSON object, stored as text. */
final class Metadata {

    static final int MAX_CHARS = 4000;

    private Metadata() {}

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
