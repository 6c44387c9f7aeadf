package dev.agentry.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail as an auditor reads it: through {@code GET /audit} with an {@code audit:read} token. */
public final class AuditRecords {

    private AuditRecords() {}

    /** A point shortly before the requests a test is about to make, to search the trail from. */
    public static Instant mark() {
        return Instant.now().minusSeconds(5);
    }

    /** The one record of the request with this {@code X-Request-Id}; fails unless there is exactly one. */
    public static JsonObject of(String requestId, Instant since) {
        List<JsonObject> records = all(requestId, since);
        assertEquals(1, records.size(), () -> "audit records of request " + requestId + ": " + records);
        return records.get(0);
    }

    /** Every record of the request with this {@code X-Request-Id}, written since {@code since}. */
    public static List<JsonObject> all(String requestId, Instant since) {
        // Verifying chains what is still buffered, so the records of requests just made are readable.
        HttpResponse<String> verified =
                Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), Api.asBootstrap());
        assertEquals(200, verified.statusCode(), verified.body());
        List<JsonObject> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = Api.json(Api.get(
                    "api/v1/audit?limit=500&since=" + since
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    Api.asBootstrap()));
            page.getJsonArray("data").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(r -> requestId.equals(r.getString("requestId", null)))
                    .forEach(found::add);
            cursor = page.getBoolean("hasMore") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return found;
    }

    /**
     * The chain's first position: 1, or the one after the anchor where an audit horizon removed the oldest
     * records.
     */
    public static long firstSequence() {
        return Api.listed(Api.get("api/v1/audit?limit=1", Api.asBootstrap()))
                .get(0)
                .getJsonNumber("sequence")
                .longValue();
    }
}
