package dev.agentry.core.webhooks;

import dev.agentry.core.catalog.PersonalData;
import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A change event's body with the snapshot's personal data redacted, by the same code the changes
 * feed uses ({@link PersonalData}). Built when a delivery is leased, from the event's stored body, so
 * every retry and replay of a delivery sends the same bytes.
 */
final class RedactedPayload {

    private RedactedPayload() {}

    static String of(String type, String payload) {
        var collection = EventCatalog.collectionOf(type);
        if (collection.isEmpty()) {
            return payload;
        }
        JsonObject event;
        try (JsonReader reader = Jsonp.createReader(new StringReader(payload))) {
            event = reader.readObject();
        }
        JsonObject data = event.getJsonObject("data");
        if (data == null || !(data.get("snapshot") instanceof JsonObject snapshot)) {
            return payload; // a delete: no snapshot, nothing personal
        }
        JsonValue redacted = PersonalData.redacted(collection.get(), snapshot);
        return Jsonp.createObjectBuilder(event)
                .add("data", Jsonp.createObjectBuilder(data).add("snapshot", redacted))
                .build()
                .toString();
    }
}
