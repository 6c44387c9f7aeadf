package dev.agentry.it.sync;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/v1/sync-state: checkpoints per credential, consumer and type; lag computed when read. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncStateIT {

    private JsonObject credential;
    private String[] consumer;

    @BeforeEach
    void credential() {
        DemoData.await();
        credential = createCredential(
                "{\"name\":\"sync\",\"owner\":\"it\","
                        + "\"scopes\":[\"changes:read\",\"syncstate:read\",\"syncstate:write\",\"entries:read\",\"tags:read\"]}");
        consumer = bearer(Api.tokenFor(credential));
    }

    @Test
    void lagShowsOnlyCollectionsTheCallerMayReadNow() {
        put("{\"consumer\":\"tags-sync\",\"resourceType\":\"tags\",\"cursor\":\"" + endOf("tags") + "\"}", consumer);
        put(
                "{\"consumer\":\"entries-sync\",\"resourceType\":\"entries\",\"cursor\":\"" + endOf("entries") + "\"}",
                consumer);
        assertEquals(
                2,
                json(get("api/v1/sync-state/lag", consumer))
                        .getJsonArray("data")
                        .size());

        // A token without tags:read: how far behind the tags consumer is (and how many tags changed) is tags' data.
        String[] withoutTags = bearer(Api.token(
                credential.getString("clientId"), credential.getString("clientSecret"), "syncstate:read entries:read"));
        JsonArray lag = json(get("api/v1/sync-state/lag", withoutTags)).getJsonArray("data");
        assertEquals(1, lag.size(), lag.toString());
        assertEquals("entries", lag.getJsonObject(0).getString("resourceType"));
    }

    @Test
    void aCheckpointIsStoredPerCredentialAndReadBack() {
        String cursor =
                json(get("api/v1/changes?types=entries&limit=3", consumer)).getString("nextCursor");

        HttpResponse<String> stored = put(
                "{\"consumer\":\"crm-sync\",\"resourceType\":\"entries\",\"cursor\":\"" + cursor
                        + "\",\"metadata\":{\"host\":\"worker-1\"}}",
                consumer);
        assertEquals(200, stored.statusCode(), stored.body());

        JsonObject read = json(get("api/v1/sync-state/checkpoint?consumer=crm-sync&resourceType=entries", consumer));
        assertEquals(cursor, read.getString("cursor"));
        assertEquals("worker-1", read.getJsonObject("metadata").getString("host"));
        assertTrue(read.containsKey("checkpointAt"));
        String[] other = bearer(Api.tokenFor(
                createCredential("{\"name\":\"other\",\"owner\":\"it\",\"scopes\":[\"syncstate:read\"]}")));
        assertProblem(
                get("api/v1/sync-state/checkpoint?consumer=crm-sync&resourceType=entries", other), 404, "not_found");
    }

    @Test
    void lagCountsChangesBehindAndAgesWhileTheConsumerStalls() {
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String end = endOf("tags");
        put("{\"consumer\":\"tags-sync\",\"resourceType\":\"tags\",\"cursor\":\"" + end + "\"}", consumer);
        String start =
                json(get("api/v1/changes?types=entries&limit=1", consumer)).getString("nextCursor");
        put("{\"consumer\":\"entries-sync\",\"resourceType\":\"entries\",\"cursor\":\"" + start + "\"}", consumer);

        JsonArray lag = json(get("api/v1/sync-state/lag", consumer)).getJsonArray("data");
        JsonObject entries = lag.getJsonObject(0);
        JsonObject tags = lag.getJsonObject(1);
        assertEquals("entries-sync", entries.getString("consumer"), "worst first");
        assertTrue(entries.getJsonNumber("changesBehind").longValue() > 0);
        assertEquals(0, tags.getJsonNumber("changesBehind").longValue());
        assertEquals(0, tags.getJsonNumber("secondsBehind").longValue());
        assertEquals("healthy", tags.getString("status"));

        long seconds = entries.getJsonNumber("secondsBehind").longValue();
        try {
            Api.shiftClock(1_000);
            JsonObject later = json(get("api/v1/sync-state/lag", consumer))
                    .getJsonArray("data")
                    .getJsonObject(0);
            assertTrue(later.getJsonNumber("secondsBehind").longValue() >= seconds + 1_000);
            assertEquals("warning", later.getString("status"));
            Api.shiftClock(5_000);
            assertEquals(
                    "critical",
                    json(get("api/v1/sync-state/lag", consumer))
                            .getJsonArray("data")
                            .getJsonObject(0)
                            .getString("status"));
        } finally {
            Api.shiftClock(0);
        }
        assertEquals(
                "healthy",
                json(get("api/v1/sync-state/lag", consumer))
                        .getJsonArray("data")
                        .getJsonObject(1)
                        .getString("status"));
    }

    @Test
    void badCheckpointsAreRefusedWithTheFieldNamed() {
        String cursor = json(get("api/v1/changes?limit=1", consumer)).getString("nextCursor");
        assertField(
                put("{\"consumer\":\"c\",\"resourceType\":\"widgets\",\"cursor\":\"" + cursor + "\"}", consumer),
                "resourceType");
        assertField(put("{\"consumer\":\"c\",\"resourceType\":\"tags\"}", consumer), "cursor");
        assertField(
                put("{\"consumer\":\"has space\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor + "\"}", consumer),
                "consumer");
        assertField(
                put(
                        "{\"consumer\":\"c\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor + "\",\"metadata\":[1]}",
                        consumer),
                "metadata");
        assertField(
                put(
                        "{\"consumer\":\"c\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor + "\",\"extra\":1}",
                        consumer),
                "extra");
        assertField(put("[1,2]", consumer), "body");
        assertProblem(
                put("{\"consumer\":\"c\",\"resourceType\":\"tags\",\"cursor\":\"forged\"}", consumer),
                400,
                "cursor_invalid");
        String collectionCursor =
                json(get("api/v1/tags?limit=1", Api.asBootstrap())).getString("nextCursor");
        assertProblem(
                put("{\"consumer\":\"c\",\"resourceType\":\"tags\",\"cursor\":\"" + collectionCursor + "\"}", consumer),
                400,
                "cursor_invalid");
        assertField(get("api/v1/sync-state/checkpoint?consumer=c", consumer), "resourceType");
    }

    private static HttpResponse<String> put(String body, String[] token) {
        return send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString(body),
                Api.with(token, "Content-Type", "application/json"));
    }

    private String endOf(String types) {
        String cursor = null;
        while (true) {
            JsonObject page = json(get(
                    "api/v1/changes?types=" + types + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    consumer));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static void assertField(HttpResponse<String> response, String field) {
        JsonObject problem = assertProblem(response, 400, "validation_failed");
        assertTrue(
                problem.getJsonArray("errors").stream()
                        .anyMatch(e -> e.asJsonObject().getString("field").equals(field)),
                response.body());
    }
}
