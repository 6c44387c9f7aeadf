package dev.agentry.core.webhooks;

import dev.agentry.core.catalog.PersonalData;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * A change event's body with the snapshot's personal data redacted, by the same code the changes
 * feed uses ({@link PersonalData}). Built when a delivery is leased, from the event's stored body, so
 * every retry and replay of a delivery sends the same bytes.
 */
final class RedactedPayload {

    // Json.create* looks the provider up through the ServiceLoader on every call; once is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    private RedactedPayload() {}

    static String of(String type, String payload) {
        var collection = EventCatalog.collectionOf(type);
        if (collection.isEmpty()) {
            return payload;
        }
        JsonObject event;
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            event = reader.readObject();
        }
        JsonObject data = event.getJsonObject("data");
        if (data == null || !(data.get("snapshot") instanceof JsonObject snapshot)) {
            return payload; // a delete: no snapshot, nothing personal
        }
        JsonValue redacted = PersonalData.redacted(collection.get(), snapshot);
        return JSON.createObjectBuilder(event)
                .add("data", JSON.createObjectBuilder(data).add("snapshot", redacted))
                .build()
                .toString();
    }
}
