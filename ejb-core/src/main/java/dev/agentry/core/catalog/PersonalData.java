package dev.agentry.core.catalog;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Personal fields out of a stored snapshot (JSON text), for a reader who may not see them: the
 * changes feed and webhook deliveries both redact through here, so a stored change reads the same
 * wherever it flows. The collection routes redact the records they load by the same descriptor
 * ({@link CollectionDescriptor#redact}). Whether a reader may see them is {@code Grant}'s question.
 */
public final class PersonalData {

    // Json.create* looks the provider up through the ServiceLoader on every call; once is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    private PersonalData() {}

    /** Whether a snapshot of this collection has anything to redact. */
    public static boolean carriedBy(CollectionDescriptor collection) {
        return !collection.sensitiveFields().isEmpty();
    }

    /** The snapshot text with every personal field {@code null} and {@code redacted: true}; null stays null. */
    public static String redacted(CollectionDescriptor collection, String snapshot) {
        if (snapshot == null || !carriedBy(collection)) {
            return snapshot;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(snapshot))) {
            return redacted(collection, reader.readObject()).toString();
        }
    }

    /** The snapshot with every personal field {@code null} and {@code redacted: true}. */
    public static JsonObject redacted(CollectionDescriptor collection, JsonObject snapshot) {
        if (!carriedBy(collection)) {
            return snapshot;
        }
        JsonObjectBuilder redacted = JSON.createObjectBuilder(snapshot);
        collection.sensitiveFields().forEach(f -> redacted.add(f.name(), JsonValue.NULL));
        redacted.add("redacted", true);
        return redacted.build();
    }
}
