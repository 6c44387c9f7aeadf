package dev.agentry.core.sync;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** A checkpoint's free-form metadata: a JSON object, stored as text. */
final class Metadata {

    static final int MAX_CHARS = 4000;

    // Json.create* looks the provider up through the ServiceLoader on every call; once is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    private Metadata() {}

    static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
