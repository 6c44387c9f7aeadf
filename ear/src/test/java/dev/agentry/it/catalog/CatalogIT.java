package dev.agentry.it.catalog;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Pages;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/v1/{collection} and /{collection}/{id}: paging, filters, projection, redaction, bad input. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogIT {

    private static final List<String> COLLECTIONS = List.of(
            "sections",
            "entries",
            "categories",
            "tags",
            "assets",
            "global-sets",
            "content-blocks",
            "users",
            "addresses",
            "products",
            "variants",
            "orders",
            "subscriptions",
            "transfers",
            "donations");

    @BeforeEach
    void demoData() {
        DemoData.await();
    }

    @Test
    void everyCollectionServesPagesOfRecordsWithTheCommonFields() {
        for (String collection : COLLECTIONS) {
            HttpResponse<String> response = get("api/v1/" + collection + "?limit=2", asBootstrap());
            assertEquals(200, response.statusCode(), collection + ": " + response.body());
            JsonObject page = json(response);
            assertTrue(page.getInt("count") > 0, collection + " has demo data");
            JsonObject first = page.getJsonArray("data").getJsonObject(0);
            for (String field : List.of("id", "uid", "createdAt", "updatedAt", "version")) {
                assertTrue(first.containsKey(field), collection + " lacks " + field);
            }
        }
    }

    @Test
    void aFullWalkReturnsEveryRecordExactlyOnceWhileOthersWrite() throws Exception {
        Set<String> before = walk("entries", "", 500);
        CompletableFuture<HttpResponse<String>> writing = CompletableFuture.supplyAsync(() -> Api.send(
                "POST", "api/v1/_probe/catalog/concurrent-writes?writers=4&each=12&tag=walk", BodyPublishers.noBody()));

        List<String> seen = Pages.walk("api/v1/entries?limit=17", asBootstrap()).stream()
                .map(item -> item.getString("uid"))
                .toList();
        JsonObject written = json(writing.get());

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no record twice");
        Set<String> deletedMeanwhile = new HashSet<>(strings(written, "deleted"));
        for (String uid : before) {
            assertTrue(seen.contains(uid) || deletedMeanwhile.contains(uid), "missing " + uid);
        }
    }

    @Test
    void oneRecordByIdUidOrOrderNumber() {
        JsonObject order = json(get("api/v1/orders?limit=1", asBootstrap()))
                .getJsonArray("data")
                .getJsonObject(0);

        for (String key : List.of(
                String.valueOf(order.getJsonNumber("id").longValue()),
                order.getString("uid"),
                order.getString("number"))) {
            JsonObject found = json(get("api/v1/orders/" + key, asBootstrap()));
            assertEquals(order.getString("uid"), found.getString("uid"), key);
        }
        assertTrue(order.getJsonArray("lineItems").size() > 0);
        assertProblem(get("api/v1/orders/ORD-NOPE", asBootstrap()), 404, "not_found");
        assertProblem(get("api/v1/entries/" + order.getString("uid"), asBootstrap()), 404, "not_found");
    }

    @Test
    void freeFormFieldsAreAJsonObjectNotJsonInAString() {
        JsonObject entry = first(get("api/v1/entries?limit=1&filter=slug:about", asBootstrap()));
        assertEquals(JsonValue.ValueType.OBJECT, entry.get("fields").getValueType(), entry.toString());
        assertTrue(entry.getJsonObject("fields").containsKey("summary"), entry.toString());

        JsonObject set = first(get("api/v1/global-sets?limit=1", asBootstrap()));
        JsonValue.ValueType type = set.get("fields").getValueType();
        assertTrue(type == JsonValue.ValueType.OBJECT || type == JsonValue.ValueType.NULL, set.toString());
    }

    @Test
    void personalDataIsRedactedWithoutTheSensitiveScope() {
        String plain = Api.tokenFor(
                createCredential(
                        "{\"name\":\"plain\",\"owner\":\"it\",\"scopes\":[\"users:read\",\"orders:read\",\"subscriptions:read\"]}"));
        String sensitive = Api.tokenFor(createCredential("{\"name\":\"sensitive\",\"owner\":\"it\",\"scopes\":"
                + "[\"users:read\",\"users:read_sensitive\",\"subscriptions:read\"]}"));

        JsonObject redacted = first(get("api/v1/users?limit=1", bearer(plain)));
        assertEquals(JsonValue.NULL, redacted.get("email"));
        assertTrue(redacted.getBoolean("redacted"));
        assertFalse(redacted.getString("name").isBlank(), "the rest is shown");
        JsonObject order = first(get("api/v1/orders?limit=1", bearer(plain)));
        assertEquals(JsonValue.NULL, order.get("customerEmail"));

        JsonObject revealed = first(get("api/v1/users?limit=1", bearer(sensitive)));
        assertTrue(revealed.getString("email").endsWith("@example.com"));
        assertFalse(revealed.containsKey("redacted"));
        JsonObject subscription = first(get("api/v1/subscriptions?limit=1", bearer(sensitive)));
        assertEquals(JsonValue.NULL, subscription.get("customerEmail"), "no scope reveals subscriptions' emails");
    }

    @Test
    void filtersSearchProjectionAndUpdatedSince() {
        for (JsonValue v : data(get("api/v1/entries?limit=200&filter=status:live", asBootstrap()))) {
            assertEquals("live", v.asJsonObject().getString("status"));
        }
        List<JsonValue> coffee = data(get("api/v1/entries?limit=200&filter=title~COFFEE", asBootstrap()));
        assertFalse(coffee.isEmpty());
        coffee.forEach(v ->
                assertTrue(v.asJsonObject().getString("title").toLowerCase().contains("coffee")));
        List<JsonValue> skus = data(get("api/v1/variants?limit=200&filter=sku:SKU-1-*", asBootstrap()));
        assertEquals(3, skus.size(), "SKU-1-S, -M and -L");
        List<JsonValue> searched = data(get("api/v1/products?limit=200&q=mug", asBootstrap()));
        assertFalse(searched.isEmpty());
        searched.forEach(v -> assertTrue(v.asJsonObject().getString("title").contains("mug")));
        List<JsonValue> both =
                data(get("api/v1/entries?limit=200&filter=status:live&filter=title~coffee", asBootstrap()));
        assertFalse(both.isEmpty());
        both.forEach(v -> assertTrue(v.asJsonObject().getString("status").equals("live")
                && v.asJsonObject().getString("title").toLowerCase().contains("coffee")));

        JsonObject projected = first(get("api/v1/entries?limit=1&fields=title,status", asBootstrap()));
        assertEquals(Set.of("uid", "title", "status"), projected.keySet());

        String future = URLEncoder.encode("2999-01-01T00:00:00Z", StandardCharsets.UTF_8);
        assertEquals(
                0,
                json(get("api/v1/entries?updatedSince=" + future, asBootstrap()))
                        .getInt("count"));
        assertTrue(json(get("api/v1/entries?updatedSince=2000-01-01T00:00:00Z", asBootstrap()))
                        .getInt("count")
                > 0);
    }

    @Test
    void deletedRecordsAreGone() {
        JsonObject written = json(Api.send(
                "POST", "api/v1/_probe/catalog/concurrent-writes?writers=1&each=1&tag=gone", BodyPublishers.noBody()));
        String uid = new HashSet<>(strings(written, "deleted")).iterator().next();

        assertProblem(get("api/v1/entries/" + uid, asBootstrap()), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten", "1.5"})
    void aBadLimitIsNamed(String limit) {
        assertField(get("api/v1/entries?limit=" + limit, asBootstrap()), "limit");
    }

    @Test
    void badParametersAreNamed() {
        assertField(get("api/v1/entries?fields=title,nope", asBootstrap()), "fields");
        assertField(get("api/v1/entries?filter=nope:1", asBootstrap()), "filter");
        assertField(get("api/v1/entries?filter=fields:x", asBootstrap()), "filter");
        assertField(get("api/v1/entries?filter=justtext", asBootstrap()), "filter");
        assertField(get("api/v1/variants?filter=stock:many", asBootstrap()), "filter");
        assertField(get("api/v1/entries?updatedSince=yesterday", asBootstrap()), "updatedSince");
        String plain =
                Api.tokenFor(createCredential("{\"name\":\"no pii\",\"owner\":\"it\",\"scopes\":[\"users:read\"]}"));
        assertField(get("api/v1/users?filter=email~example", bearer(plain)), "filter");
        assertEquals(
                200,
                get("api/v1/users?filter=email~example", asBootstrap()).statusCode(),
                "with the sensitive scope the same filter is fine");
    }

    @Test
    void anUnknownCollectionIsNotFound() {
        assertProblem(get("api/v1/widgets", asBootstrap()), 404, "not_found");
        assertProblem(get("api/v1/widgets"), 404, "not_found");
    }

    @Test
    void cursorsAreOpaqueSealedAndBoundToTheirQuery() {
        String cursor = json(get("api/v1/entries?limit=2", asBootstrap())).getString("nextCursor");
        assertNotNull(cursor);
        assertEquals(
                200,
                get("api/v1/entries?limit=2&cursor=" + cursor, asBootstrap()).statusCode());

        String tampered = tamper(cursor);
        for (String bad : List.of("garbage", "AAAA", tampered)) {
            assertProblem(get("api/v1/entries?cursor=" + bad, asBootstrap()), 400, "cursor_invalid");
        }
        assertProblem(get("api/v1/tags?cursor=" + cursor, asBootstrap()), 400, "cursor_invalid");
        assertProblem(get("api/v1/entries?filter=status:live&cursor=" + cursor, asBootstrap()), 400, "cursor_invalid");
    }

    private static String tamper(String cursor) {
        byte[] raw = java.util.Base64.getUrlDecoder().decode(cursor);
        String text = new String(raw, StandardCharsets.UTF_8);
        // Move the position on by one: the seal no longer matches.
        int cut = text.lastIndexOf('|');
        int tilde = text.indexOf('~', cut);
        long position = Long.parseLong(text.substring(cut + 1, tilde));
        String forged = text.substring(0, cut + 1) + (position + 1) + text.substring(tilde);
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertField(HttpResponse<String> response, String field) {
        JsonObject problem = assertProblem(response, 400, "validation_failed");
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), response.body());
    }

    private static Set<String> walk(String collection, String query, int limit) {
        return Pages.walk("api/v1/" + collection + "?limit=" + Math.min(limit, 200) + query, asBootstrap()).stream()
                .map(item -> item.getString("uid"))
                .collect(Collectors.toSet());
    }

    private static List<JsonValue> data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("data");
    }

    private static JsonObject first(HttpResponse<String> response) {
        return data(response).get(0).asJsonObject();
    }

    @Test
    void malformedQueryParametersAreNamedNeverAServerError() {
        record Case(String path, String field, String code) {}
        for (Case bad : List.of(
                new Case("api/v1/entries?updatedSince=yesterday", "updatedSince", "not_a_time"),
                new Case("api/v1/entries?limit=abc", "limit", "out_of_range"),
                new Case("api/v1/entries?limit=0", "limit", "out_of_range"),
                new Case("api/v1/audit?since=2026-13-01T00:00:00Z", "since", "not_a_time"),
                new Case("api/v1/audit?limit=many", "limit", "not_an_integer"),
                new Case("api/v1/imports?limit=-5", "limit", "out_of_range"))) {
            JsonObject error = assertProblem(get(bad.path(), asBootstrap()), 400, "validation_failed")
                    .getJsonArray("errors")
                    .getJsonObject(0);
            assertEquals(
                    bad.field() + ":" + bad.code(),
                    error.getString("field") + ":" + error.getString("code"),
                    bad.path());
        }
    }
}
