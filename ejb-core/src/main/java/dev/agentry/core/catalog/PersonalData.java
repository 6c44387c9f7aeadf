package dev.agentry.core.catalog;

import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personal fields out of a snapshot, for a reader who may not see them: the collection routes (a
 * loaded record), the changes feed and webhook deliveries (a stored change) all redact through here,
 * so a record reads the same wherever it flows. Whether a reader may see them is {@code Grant}'s
 * question, asked by the caller.
 */
public final class PersonalData {

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
        try (JsonReader reader = Jsonp.createReader(new StringReader(snapshot))) {
            return redacted(collection, reader.readObject()).toString();
        }
    }

    /** The snapshot with every personal field {@code null} and {@code redacted: true}. */
    public static JsonObject redacted(CollectionDescriptor collection, JsonObject snapshot) {
        if (!carriedBy(collection)) {
            return snapshot;
        }
        JsonObjectBuilder redacted = Jsonp.createObjectBuilder(snapshot);
        collection.sensitiveFields().forEach(f -> redacted.add(f.name(), JsonValue.NULL));
        redacted.add("redacted", true);
        return redacted.build();
    }

    /** A loaded record's snapshot with every personal field {@code null} and {@code redacted: true}. */
    public static Map<String, Object> redacted(CollectionDescriptor collection, Map<String, Object> snapshot) {
        if (!carriedBy(collection)) {
            return snapshot;
        }
        Map<String, Object> redacted = new LinkedHashMap<>(snapshot);
        collection.sensitiveFields().forEach(f -> redacted.put(f.name(), null));
        redacted.put("redacted", true);
        return redacted;
    }
}
