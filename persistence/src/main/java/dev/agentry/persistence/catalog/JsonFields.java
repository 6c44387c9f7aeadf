package dev.agentry.persistence.catalog;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * A free-form JSON column as the API shows it: the JSON itself, not JSON quoted inside a string. The
 * column keeps the text; a record reads it here when it describes itself.
 */
final class JsonFields {

    // Json.create* looks the provider up through the ServiceLoader on every call; once is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonFields() {}

    /** The stored text as JSON; {@code null} stays null, and text that is not JSON stays a string. */
    static JsonValue of(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            // an import may have stored plain text here; it is shown as the string it is
            return JSON.createValue(text);
        }
    }
}
