package dev.agentry.it.changes;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/changes: gapless under concurrent writers, tombstones, bound cursors, expiry, redaction. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangesIT {

    @BeforeEach
    void demoData() {
        DemoData.await();
    }

    @Test
    void aReaderMissesNoChangeAndSeesNoneTwiceWhileWritersCommitOutOfOrder() throws Exception {
        String cursor = end("entries");
        CompletableFuture<HttpResponse<String>> writing = CompletableFuture.supplyAsync(() -> Api.send(
                "POST", "api/v1/_probe/catalog/concurrent-writes?writers=6&each=15&tag=feed", BodyPublishers.noBody()));

        List<JsonObject> read = new ArrayList<>();
        boolean writersDone = false;
        while (true) {
            JsonObject page = json(get("api/v1/changes?types=entries&limit=7&cursor=" + cursor, asBootstrap()));
            page.getJsonArray("data").forEach(v -> read.add(v.asJsonObject()));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                if (writersDone) {
                    break;
                }
                if (writing.isDone()) {
                    // Everything is committed: place it now, then read to the end once more.
                    Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
                    writersDone = true;
                }
            }
        }
        JsonObject written = json(writing.get());

        Set<String> keys = new HashSet<>();
        for (JsonObject change : read) {
            String key = change.getString("resourceId") + " " + change.getString("action") + " "
                    + change.getJsonNumber("version").longValue();
            assertTrue(keys.add(key), "read twice: " + key);
        }
        // A consumer applying the feed in order ends on each record's last version.
        Map<String, Long> lastVersion = new HashMap<>();
        for (JsonObject change : read) {
            long version = change.getJsonNumber("version").longValue();
            Long before = lastVersion.put(change.getString("resourceId"), version);
            assertTrue(
                    before == null || before < version,
                    () -> change.getString("resourceId") + ": version " + version + " after " + before);
        }
        assertHas(read, Set.copyOf(strings(written, "created")), "create");
        assertHas(read, Set.copyOf(strings(written, "updated")), "update");
        assertHas(read, Set.copyOf(strings(written, "deleted")), "delete");
        for (JsonObject change : read) {
            assertEquals("entries", change.getString("resourceType"));
            if (change.getString("action").equals("delete")) {
                assertEquals(JsonValue.NULL, change.get("snapshot"), "a tombstone has no snapshot");
            } else {
                assertEquals(
                        change.getString("resourceId"),
                        change.getJsonObject("snapshot").getString("uid"));
            }
        }
    }

    @Test
    void cursorsAreBoundToTheirTypesFilterAndSealed() {
        String cursor = json(get("api/v1/changes?types=orders,products&limit=1", asBootstrap()))
                .getString("nextCursor");

        assertEquals(
                200,
                get("api/v1/changes?types=products,orders&cursor=" + cursor, asBootstrap())
                        .statusCode());
        assertProblem(get("api/v1/changes?types=orders&cursor=" + cursor, asBootstrap()), 400, "cursor_invalid");
        assertProblem(get("api/v1/changes?cursor=" + cursor, asBootstrap()), 400, "cursor_invalid");
        String collectionCursor =
                json(get("api/v1/orders?limit=1", asBootstrap())).getString("nextCursor");
        assertProblem(get("api/v1/changes?cursor=" + collectionCursor, asBootstrap()), 400, "cursor_invalid");
        assertProblem(get("api/v1/changes?cursor=" + cursor.substring(2), asBootstrap()), 400, "cursor_invalid");
    }

    /**
     * A page seals its cursors once: each change's cursor is the page's seal and the change's position. Each still
     * resumes right after its change, and a position moved out of its page, or a seal edited, is refused.
     */
    @Test
    void everyChangeOfAPageResumesRightAfterItselfAndNoCursorLeavesItsPage() {
        List<JsonValue> page =
                json(get("api/v1/changes?types=entries&limit=5", asBootstrap())).getJsonArray("data");
        String third = page.get(2).asJsonObject().getString("cursor");

        List<JsonValue> resumed = json(get("api/v1/changes?types=entries&limit=2&cursor=" + third, asBootstrap()))
                .getJsonArray("data");
        assertEquals(change(page.get(3)), change(resumed.get(0)));
        assertEquals(change(page.get(4)), change(resumed.get(1)));

        String last = page.get(4).asJsonObject().getString("cursor");
        int cut = last.lastIndexOf('.');
        long position = Long.parseLong(last.substring(cut + 1));
        String beyond = last.substring(0, cut + 1) + (position + 1);
        assertProblem(get("api/v1/changes?types=entries&cursor=" + beyond, asBootstrap()), 400, "cursor_invalid");
        String edited =
                (last.charAt(3) == 'A' ? last.substring(0, 3) + "B" : last.substring(0, 3) + "A") + last.substring(4);
        assertProblem(get("api/v1/changes?types=entries&cursor=" + edited, asBootstrap()), 400, "cursor_invalid");
    }

    @Test
    void badLimitsAndTypesAreNamed() {
        for (String limit : List.of("0", "201", "x")) {
            assertEquals(
                    "limit",
                    assertProblem(get("api/v1/changes?limit=" + limit, asBootstrap()), 400, "validation_failed")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
        assertEquals(
                "types",
                assertProblem(get("api/v1/changes?types=entries,widgets", asBootstrap()), 400, "validation_failed")
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
    }

    /**
     * Before issue 13 a changes:read credential read every collection through the feed: now it needs
     * the collection's read scope (403 naming it), and personal fields its :read_sensitive scope.
     */
    @Test
    void snapshotsAreRedactedLikeTheCollections() {
        String feedOnly =
                Api.tokenFor(createCredential("{\"name\":\"feed\",\"owner\":\"it\",\"scopes\":[\"changes:read\"]}"));
        String orders = Api.tokenFor(createCredential(
                "{\"name\":\"feed orders\",\"owner\":\"it\",\"scopes\":[\"changes:read\",\"orders:read\"]}"));
        String withPii = Api.tokenFor(createCredential("{\"name\":\"feed pii\",\"owner\":\"it\","
                + "\"scopes\":[\"changes:read\",\"orders:read\",\"orders:read_sensitive\"]}"));

        assertTrue(assertProblem(get("api/v1/changes?types=orders&limit=1", bearer(feedOnly)), 403, "scope_denied")
                .getString("detail")
                .contains("orders:read"));
        JsonObject redacted = firstSnapshot(get("api/v1/changes?types=orders&limit=1", bearer(orders)));
        assertEquals(JsonValue.NULL, redacted.get("customerEmail"));
        assertTrue(redacted.getBoolean("redacted"));
        JsonObject revealed = firstSnapshot(get("api/v1/changes?types=orders&limit=1", bearer(withPii)));
        assertTrue(revealed.getString("customerEmail").endsWith("@example.com"));
    }

    @Test
    void aCursorIntoWhatRetentionRemovedHasExpired() {
        List<JsonValue> tags =
                json(get("api/v1/changes?types=tags&limit=2", asBootstrap())).getJsonArray("data");
        String first = tags.get(0).asJsonObject().getString("cursor");
        String second = tags.get(1).asJsonObject().getString("cursor");

        // Retention removes everything up to the second tag change (early demo data only).
        Api.send("PUT", "api/v1/_probe/catalog/purged-through?cursor=" + second, BodyPublishers.noBody());

        assertProblem(get("api/v1/changes?types=tags&cursor=" + first, asBootstrap()), 410, "cursor_expired");
        assertEquals(
                200,
                get("api/v1/changes?types=tags&cursor=" + second, asBootstrap()).statusCode());
        JsonObject fresh = json(get("api/v1/changes?types=tags&limit=200", asBootstrap()));
        assertTrue(
                fresh.getJsonArray("data").stream()
                        .noneMatch(v -> v.asJsonObject().getString("cursor").equals(second)),
                "a fresh start begins after what was removed");
    }

    private static String end(String types) {
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String cursor = null;
        while (true) {
            JsonObject page = json(get(
                    "api/v1/changes?types=" + types + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    asBootstrap()));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static void assertHas(List<JsonObject> read, Set<String> uids, String action) {
        for (String uid : uids) {
            assertTrue(
                    read.stream()
                            .anyMatch(c -> c.getString("resourceId").equals(uid)
                                    && c.getString("action").equals(action)),
                    action + " of " + uid + " was skipped");
        }
    }

    private static String change(JsonValue change) {
        JsonObject c = change.asJsonObject();
        return c.getString("resourceId") + " " + c.getString("action") + " "
                + c.getJsonNumber("version").longValue();
    }

    private static JsonObject firstSnapshot(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("data").getJsonObject(0).getJsonObject("snapshot");
    }
}
