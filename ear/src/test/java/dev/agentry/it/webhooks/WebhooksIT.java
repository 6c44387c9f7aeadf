package dev.agentry.it.webhooks;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhooks (SPEC section 8), every delivery checked by the independent standardwebhooks verifier. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();

    private final String[] auth = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"hooks-" + UUID.randomUUID()
            + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\",\"webhooks:dlq:replay\",\"tags:read\"],"
            + "\"eventInterests\":[\"tag.*\",\"webhook.test\"]}")));

    @AfterEach
    void clockBack() {
        Api.shiftClock(0);
    }

    @Test
    void aTestEventArrivesSignedAndTheIndependentVerifierAcceptsItButNoTampering() {
        String name = "signed-" + UUID.randomUUID();
        JsonObject created = subscribe(name, null, "[\"tag.*\"]");
        String secret = created.getString("secret");
        assertTrue(secret.startsWith("whsec_"));
        RECEIVER.expectSecrets(name, secret);
        String id = created.getJsonObject("subscription").getString("id");

        HttpResponse<String> test =
                Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);
        assertEquals(202, test.statusCode(), test.body());
        String eventId = json(test).getString("eventId");

        JsonObject delivery = RECEIVER.await(name, d -> !d.isEmpty()).get(0);
        JsonObject headers = delivery.getJsonObject("headers");
        assertEquals(eventId, headers.getString("webhook-id"));
        assertTrue(verified(delivery, 0), delivery.toString());
        JsonObject payload = Api.structure(delivery.getString("body")).asJsonObject();
        assertEquals("webhook.test", payload.getString("type"));
        assertEquals(eventId, payload.getString("id"));

        String body = delivery.getString("body");
        assertFalse(
                RECEIVER.verify(secret, body.replace("test", "tost"), headers).getBoolean("ok"), "tampered body");
        assertFalse(
                RECEIVER.verify(secret, body, with(headers, "webhook-id", "msg_other"))
                        .getBoolean("ok"),
                "id");
        long timestamp = Long.parseLong(headers.getString("webhook-timestamp"));
        assertFalse(
                RECEIVER.verify(secret, body, with(headers, "webhook-timestamp", Long.toString(timestamp + 1)))
                        .getBoolean("ok"),
                "timestamp");
        assertFalse(
                RECEIVER.verify(secret, body, with(headers, "webhook-timestamp", Long.toString(timestamp - 600)))
                        .getBoolean("ok"),
                "a timestamp ten minutes old");
        assertTrue(RECEIVER.verify(secret, body, headers).getBoolean("ok"));
    }

    @Test
    void aCommittedCatalogChangeLeavesExactlyOneEventAndARolledBackOneNone() {
        String slug = "outbox-" + UUID.randomUUID();
        assertEquals(0, outbox(slug + "-rolled-back", false));
        assertEquals(1, outbox(slug, true));

        String name = "changes-" + UUID.randomUUID();
        JsonObject created = subscribe(name, null, "[\"tag.created\"]");
        RECEIVER.expectSecrets(name, created.getString("secret"));
        String later = "outbox-later-" + UUID.randomUUID();
        assertEquals(1, outbox(later, true));
        JsonObject delivery =
                RECEIVER
                        .await(
                                name,
                                d -> d.stream()
                                        .anyMatch(x -> x.getString("body").contains(later)))
                        .stream()
                        .filter(x -> x.getString("body").contains(later))
                        .findFirst()
                        .orElseThrow();
        assertTrue(verified(delivery, 0));
        JsonObject payload = Api.structure(delivery.getString("body")).asJsonObject();
        assertEquals("tag.created", payload.getString("type"));
        assertEquals("tags", payload.getJsonObject("data").getString("resourceType"));
        assertEquals(
                later, payload.getJsonObject("data").getJsonObject("snapshot").getString("slug"));
    }

    @Test
    void duringARotationDeliveriesCarryASignatureUnderEachSecret() {
        String name = "rotation-" + UUID.randomUUID();
        JsonObject created = subscribe(name, null, "[\"tag.*\"]");
        String id = created.getJsonObject("subscription").getString("id");
        String old = created.getString("secret");
        JsonObject rotated = json(Api.send(
                "POST", "api/v1/webhooks/subscriptions/" + id + "/rotate-secret", BodyPublishers.noBody(), auth));
        String fresh = rotated.getString("secret");
        assertFalse(fresh.equals(old));
        assertTrue(rotated.getJsonObject("subscription").containsKey("previousSecretValidUntil"));
        RECEIVER.expectSecrets(name, old, fresh);

        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);

        JsonObject delivery = RECEIVER.await(name, d -> !d.isEmpty()).get(0);
        assertTrue(verified(delivery, 0), "the old secret still verifies: " + delivery);
        assertTrue(verified(delivery, 1), "the new secret verifies: " + delivery);
        assertEquals(
                2,
                delivery.getJsonObject("headers").getString("webhook-signature").split(" ").length);
    }

    @Test
    void aFailedDeliveryIsRetriedOnTheScheduleWithJitter() {
        String name = "failing-" + UUID.randomUUID();
        String id = subscribe(name, "status=500", "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);

        JsonObject first = awaitDelivery(id, d -> d.getInt("attempts") >= 1);
        assertEquals("pending", first.getString("status"));
        assertEquals(500, first.getInt("lastStatus"));
        Instant attempted = failedAt(first.getJsonArray("history").getJsonObject(0));
        Duration wait = Duration.between(attempted, Instant.parse(first.getString("nextAttemptAt")));
        assertTrue(wait.toMillis() >= 4000 && wait.toMillis() <= 6000, "5 s ± 20 %: " + wait);
        assertEquals(
                "receiver says 500",
                first.getJsonArray("history").getJsonObject(0).getString("response"));

        // Move the clock past each wait instead of sleeping through it.
        long shifted = 0;
        for (int attempt = 2; attempt <= 8; attempt++) {
            shifted += 13 * 3600; // beyond the longest wait, 10 h + 20 %
            Api.shiftClock(shifted);
            int expected = attempt;
            JsonObject now = awaitDelivery(id, d -> d.getInt("attempts") >= expected);
            if (attempt == 3) {
                Instant at = failedAt(now.getJsonArray("history").getJsonObject(2));
                Duration next = Duration.between(at, Instant.parse(now.getString("nextAttemptAt")));
                assertTrue(
                        next.compareTo(Duration.ofMinutes(24)) >= 0 && next.compareTo(Duration.ofMinutes(36)) <= 0,
                        "30 min ± 20 % after the third attempt: " + next);
            }
        }
        JsonObject dead = awaitDelivery(id, d -> d.getString("status").equals("dead"));
        assertEquals(8, dead.getInt("attempts"));

        JsonObject letters = json(get("api/v1/webhooks/dlq?subscriptionId=" + id, auth));
        assertEquals(1, letters.getInt("count"), letters.toString());
        JsonObject letter = letters.getJsonArray("data").getJsonObject(0);
        assertEquals(dead.getString("eventId"), letter.getString("eventId"));

        // Replay: the same webhook-id, this time to a receiver that accepts it.
        Api.shiftClock(0);
        String good = "replayed-" + UUID.randomUUID();
        JsonObject patched = json(Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + id,
                BodyPublishers.ofString("{\"url\":\"" + RECEIVER.url(good, null) + "\"}"),
                Api.with(auth, "Content-Type", "application/json")));
        assertEquals(RECEIVER.url(good, null), patched.getString("url"));
        JsonObject replay = json(postJson(
                "api/v1/webhooks/dlq/replay", "{\"ids\":[\"" + letter.getString("id") + "\",\"nope\"]}", auth));
        assertEquals(2, replay.getInt("attempted"));
        assertEquals(1, replay.getInt("replayed"));
        assertEquals("not_found", replay.getJsonArray("errors").getJsonObject(0).getString("code"));
        JsonObject redelivered = RECEIVER.await(good, d -> !d.isEmpty()).get(0);
        assertEquals(
                dead.getString("eventId"), redelivered.getJsonObject("headers").getString("webhook-id"));
        assertEquals(
                "succeeded",
                awaitDelivery(id, d -> d.getString("status").equals("succeeded"))
                        .getString("status"));
    }

    @Test
    void aRetryIsWithheldOnceItsSubscriberMayNoLongerReadTheData() {
        JsonObject reader = Api.createCredential("{\"name\":\"losing-" + UUID.randomUUID() + "\",\"owner\":\"it\","
                + "\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\",\"tags:read\"]}");
        String[] readerAuth = bearer(Api.tokenFor(reader));
        String name = "losing-" + UUID.randomUUID();
        String id = subscribe(readerAuth, name, "status=500", "[\"tag.created\"]")
                .getJsonObject("subscription")
                .getString("id");
        assertEquals(1, outbox("withheld-" + UUID.randomUUID(), true));
        assertEquals(
                500,
                awaitDelivery(id, readerAuth, d -> d.getInt("attempts") >= 1).getInt("lastStatus"));

        // Routing let it through; by the retry the subscriber may no longer read tags.
        HttpResponse<String> narrowed = Api.send(
                "PATCH",
                "api/v1/credentials/" + reader.getString("id"),
                BodyPublishers.ofString("{\"scopes\":[\"webhooks:manage\",\"webhooks:dlq:read\"]}"),
                Api.with(Api.asBootstrap(), "Content-Type", "application/json"));
        assertEquals(200, narrowed.statusCode(), narrowed.body());
        Api.shiftClock(13 * 3600);

        JsonObject withheld =
                awaitDelivery(id, readerAuth, d -> d.getString("status").equals("dead"));
        assertEquals(1, withheld.getInt("attempts"), "withheld, not sent again: " + withheld);
        assertEquals("withheld", withheld.getString("lastError"));
        assertEquals(1, RECEIVER.received(name).size(), "the receiver saw only the first attempt");
        JsonObject letter = json(get("api/v1/webhooks/dlq?subscriptionId=" + id, readerAuth))
                .getJsonArray("data")
                .getJsonObject(0);
        assertTrue(letter.getString("reason").startsWith("withheld"), letter.toString());
    }

    @Test
    void goneDisablesTheSubscriptionRedirectsFailAndRetryAfterIsHonoured() {
        String gone = subscribe("gone-" + UUID.randomUUID(), "status=410", "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + gone + "/test", BodyPublishers.noBody(), auth);
        assertEquals("dead", awaitDelivery(gone, d -> d.getInt("attempts") >= 1).getString("status"));
        JsonObject disabled = json(get("api/v1/webhooks/subscriptions/" + gone, auth));
        assertEquals("disabled", disabled.getString("status"));

        String redirect = subscribe(
                        "redirect-" + UUID.randomUUID(),
                        "status=307&location=" + RECEIVER.url("elsewhere", null),
                        "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + redirect + "/test", BodyPublishers.noBody(), auth);
        JsonObject redirected = awaitDelivery(redirect, d -> d.getInt("attempts") >= 1);
        assertEquals("pending", redirected.getString("status"));
        assertEquals(307, redirected.getInt("lastStatus"));
        assertTrue(redirected.getString("lastError").contains("redirects are not followed"));

        String busy = subscribe("busy-" + UUID.randomUUID(), "status=429&retryAfter=120", "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + busy + "/test", BodyPublishers.noBody(), auth);
        JsonObject throttled = awaitDelivery(busy, d -> d.getInt("attempts") >= 1);
        Instant attempted = failedAt(throttled.getJsonArray("history").getJsonObject(0));
        Duration wait = Duration.between(attempted, Instant.parse(throttled.getString("nextAttemptAt")));
        assertTrue(
                wait.compareTo(Duration.ofSeconds(120)) >= 0 && wait.compareTo(Duration.ofSeconds(121)) < 0,
                wait.toString());
    }

    @Test
    void credentialsAboutToExpireAndRevokedOnesAreAnnounced() {
        String[] watcher = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"watcher-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"credentials:manage\",\"changes:read\"],"
                + "\"eventInterests\":[\"credential.*\"]}")));
        String name = "credentials-" + UUID.randomUUID();
        RECEIVER.expectSecrets(
                name, subscribe(watcher, name, null, "[\"credential.*\"]").getString("secret"));
        // A manager whose own scopes do not cover the credential's (no changes:read) hears nothing of it.
        String[] narrow = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"narrow-watcher-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"credentials:manage\"],"
                + "\"eventInterests\":[\"credential.*\",\"webhook.test\"]}")));
        String narrowName = "narrow-" + UUID.randomUUID();
        String narrowId = subscribe(narrow, narrowName, null, "[\"credential.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        JsonObject expiring = Api.createCredential("{\"name\":\"expiring-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"changes:read\"],\"ttlDays\":30,\"reminderDays\":7}");
        String credentialId = expiring.getString("id");

        Api.shiftClock(24L * 24 * 3600);
        JsonObject reminder = payload(
                RECEIVER
                        .await(
                                name,
                                d -> d.stream()
                                        .anyMatch(x -> x.getString("body").contains(credentialId)))
                        .stream()
                        .filter(x -> x.getString("body").contains(credentialId))
                        .findFirst()
                        .orElseThrow());
        assertEquals("credential.expiring", reminder.getString("type"));
        assertFalse(reminder.toString().contains("secret"), "no secret or hash in an event: " + reminder);
        Api.shiftClock(0);

        Api.send("POST", "api/v1/credentials/" + credentialId + "/revoke", BodyPublishers.noBody(), Api.asBootstrap());
        List<JsonObject> both = RECEIVER.await(
                name,
                d -> d.stream()
                                .filter(x -> x.getString("body").contains(credentialId))
                                .count()
                        >= 2);
        assertEquals(
                List.of("credential.expiring", "credential.revoked"),
                both.stream()
                        .filter(x -> x.getString("body").contains(credentialId))
                        .map(x -> payload(x).getString("type"))
                        .toList());
        // The reminder was signed at the moved clock's time, which the verifier rightly refuses as too far
        // from its own; the revocation was signed after the clock came back.
        assertTrue(both.stream()
                .filter(x -> x.getString("body").contains("credential.revoked"))
                .allMatch(x -> verified(x, 0)));
        assertFalse(routedTypes(narrowId, narrow).contains("credential.revoked"), "beyond the narrow ceiling");
    }

    @Test
    void anEndedRunIsAnnouncedWithItsStatusAndOutcome() {
        String[] watcher = bearer(
                Api.tokenFor(
                        Api.createCredential(
                                "{\"name\":\"run-watcher-" + UUID.randomUUID()
                                        + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"runs:admin\"],\"eventInterests\":[\"run.*\"]}")));
        String name = "runs-" + UUID.randomUUID();
        RECEIVER.expectSecrets(
                name, subscribe(watcher, name, null, "[\"run.*\"]").getString("secret"));

        // Without runs:admin, another credential's run is not announced to it.
        String[] bystander = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"run-bystander-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\",\"runs:read\"],"
                + "\"eventInterests\":[\"run.*\",\"webhook.test\"]}")));
        String bystanderId = subscribe(bystander, "bystander-" + UUID.randomUUID(), null, "[\"run.*\"]")
                .getJsonObject("subscription")
                .getString("id");

        String runId = Runs.start(Runs.task("demo", "[]", "[]", "[{\"final\":\"announced\"}]"))
                .getString("id");
        JsonObject delivery =
                RECEIVER
                        .await(
                                name,
                                d -> d.stream()
                                        .anyMatch(x -> x.getString("body").contains(runId)))
                        .stream()
                        .filter(x -> x.getString("body").contains(runId))
                        .findFirst()
                        .orElseThrow();
        assertTrue(verified(delivery, 0));
        JsonObject event = payload(delivery);
        assertEquals("run.succeeded", event.getString("type"));
        JsonObject data = event.getJsonObject("data");
        assertEquals("no_op", data.getString("outcome"));
        assertEquals("demo", data.getString("agent"));
        assertEquals(Runs.get(runId).getString("bundleId"), data.getString("bundleId"));
        assertTrue(
                routedTypes(bystanderId, bystander).stream().noneMatch(t -> t.startsWith("run.")),
                "another credential's run");
    }

    @Test
    void aSubscriptionFailingEveryDeliveryForFiveDaysIsDisabled() {
        String id = subscribe("down-" + UUID.randomUUID(), "status=503", "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);
        awaitDelivery(id, d -> d.getInt("attempts") >= 1);
        assertEquals(
                "active", json(get("api/v1/webhooks/subscriptions/" + id, auth)).getString("status"));

        Api.shiftClock(5L * 24 * 3600 + 60);
        JsonObject disabled = awaitSubscription(id, s -> s.getString("status").equals("disabled"));
        assertTrue(disabled.getString("disabledReason").contains("5 days"), disabled.toString());
    }

    @Test
    void theEventCatalogIsPublishedWithASchemaPerPayload() {
        JsonObject capabilities = json(get("api/v1/capabilities"));
        List<JsonObject> types = capabilities.getJsonArray("eventTypes").getValuesAs(JsonObject.class);
        for (String type : List.of("order.created", "global-set.deleted", "credential.expiring", "webhook.test")) {
            JsonObject entry = types.stream()
                    .filter(t -> t.getString("type").equals(type))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type + " in " + types));
            assertEquals(1, entry.getInt("version"));
            JsonObject schema = json(get("api/v1/schema/webhook.event." + type, Api.asBootstrap()));
            assertEquals(
                    type,
                    schema.getJsonObject("properties").getJsonObject("type").getString("const"));
            String data =
                    schema.getJsonObject("properties").getJsonObject("data").getString("$ref");
            assertEquals(entry.getString("dataSchema"), data);
            assertEquals(200, get("api/v1/schema/" + data, Api.asBootstrap()).statusCode(), data);
        }
        assertEquals(
                15 * 3 + 14,
                types.size(),
                "three per collection and the platform's fourteen (artifact.applied the latest)");
    }

    @Test
    void targetedRoutingDeliversOnlyWhatBothTheSubscriptionAndTheCredentialsInterestsSelect() {
        String name = "targeted-" + UUID.randomUUID();
        RECEIVER.expectSecrets(name, subscribe(name, null, "[\"tag.updated\"]").getString("secret"));
        String slug = "routing-" + UUID.randomUUID();
        assertEquals(1, outbox(slug, true)); // tag.created: not subscribed
        String other = "routing-probe-" + UUID.randomUUID();
        String probe = "probe-" + UUID.randomUUID();
        JsonObject created = subscribe(probe, null, "[\"tag.created\"]");
        RECEIVER.expectSecrets(probe, created.getString("secret"));
        assertEquals(1, outbox(other, true));
        RECEIVER.await(probe, d -> d.stream().anyMatch(x -> x.getString("body").contains(other)));
        assertTrue(RECEIVER.received(name).isEmpty(), "tag.created is not for a tag.updated subscription");
    }

    @Test
    void aSubscriptionNamesOnlyEventTypesItsCredentialsScopesLetReachIt() {
        String[] tagless = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"hooks-tagless-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\"]}")));
        String url = RECEIVER.url("outside-grant-" + UUID.randomUUID(), null);

        HttpResponse<String> refused =
                postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"]}", tagless);
        assertField(refused, "events[0]");
        assertTrue(refused.body().contains("\"code\":\"outside_grant\""), refused.body());
        assertEquals(
                201,
                postJson(
                                "api/v1/webhooks/subscriptions",
                                "{\"url\":\"" + url + "\",\"events\":[\"webhook.test\",\"run.*\"]}",
                                tagless)
                        .statusCode(),
                "its own test events and runs reach every credential");
    }

    @Test
    void urlsIntoTheServersNetworkAndOtherBadInputAreRefused() {
        for (String url : List.of(
                "http://127.0.0.2/hook",
                "http://[::1]/hook",
                "http://[::ffff:10.0.0.1]/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/",
                "http://192.168.0.1/",
                "http://[fe80::1]/",
                "http://224.0.0.1/",
                "ftp://example.com/",
                "http://user:pw@127.0.0.1/")) {
            HttpResponse<String> refused =
                    postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"]}", auth);
            assertProblem(refused, 400, "validation_failed");
            assertTrue(refused.body().contains("\"code\":\"url_refused\""), url + " " + refused.body());
        }
        String url = RECEIVER.url("bad-input", null);
        assertField(postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\"}", auth), "events");
        assertField(
                postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\",\"events\":[]}", auth), "events");
        assertField(
                postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\"" + url + "\",\"events\":[\"widget.exploded\"]}",
                        auth),
                "events[0]");
        assertField(
                postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\"" + url + "\",\"events\":[\"order.created\"]}",
                        auth),
                "events[0]");
        assertField(
                postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\",\"events\":\"tag.*\"}", auth),
                "events");
        assertField(
                postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"],\"colour\":1}",
                        auth),
                "colour");
        assertProblem(postJson("api/v1/webhooks/subscriptions", "[]", auth), 400, "validation_failed");
        assertProblem(get("api/v1/webhooks/subscriptions/nope", auth), 404, "not_found");
        assertProblem(get("api/v1/webhooks/dlq?failedSince=yesterday", auth), 400, "validation_failed");
        assertProblem(get("api/v1/webhooks/dlq?cursor=abc", auth), 400, "cursor_invalid");
        assertProblem(get("api/v1/webhooks/dlq?limit=0", auth), 400, "validation_failed");
        assertProblem(postJson("api/v1/webhooks/dlq/replay", "{}", auth), 400, "validation_failed");
        assertProblem(postJson("api/v1/webhooks/dlq/replay", "{\"ids\":[]}", auth), 400, "validation_failed");
        assertField(
                postJson(
                        "api/v1/webhooks/dlq/replay",
                        "{\"ids\":[\"a\"],\"failedSince\":\"2026-01-01T00:00:00Z\"}",
                        auth),
                "body");
        assertField(postJson("api/v1/webhooks/dlq/replay", "{\"failedSince\":\"yesterday\"}", auth), "failedSince");
        assertField(postJson("api/v1/webhooks/dlq/replay", "{\"ids\":[\"a\",3]}", auth), "ids[1]");
        assertField(
                postJson("api/v1/webhooks/subscriptions", "{\"url\":\"" + url + "\",\"events\":[7]}", auth),
                "events[0]");
        assertField(
                postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"],\"status\":\"active\"}",
                        auth),
                "status");
        assertProblem(get("api/v1/webhooks/subscriptions"), 401, "auth_missing");
    }

    @Test
    void aReplayToADisabledSubscriptionIsRefusedAndLeavesNothingPending() {
        String disabled = goneSubscription("refused-" + UUID.randomUUID());
        String refusedLetter = deadLetterOf(disabled);

        HttpResponse<String> refused =
                postJson("api/v1/webhooks/dlq/replay", "{\"ids\":[\"" + refusedLetter + "\"]}", auth);
        assertProblem(refused, 409, "conflict");
        assertTrue(json(refused).getString("detail").contains("1 refused: subscription disabled"), refused.body());
        assertProblem(
                postJson(
                        "api/v1/webhooks/dlq/replay",
                        "{\"failedSince\":\"" + Instant.now().minusSeconds(600) + "\"}",
                        auth),
                409,
                "conflict");
        JsonObject still = awaitDelivery(disabled, d -> true);
        assertEquals("dead", still.getString("status"), "not put back on a schedule that never sends: " + still);

        // A second one, enabled again towards a receiver that accepts: replayed beside the refusal.
        String enabled = goneSubscription("reenabled-" + UUID.randomUUID());
        String replayableLetter = deadLetterOf(enabled);
        String good = "accepting-" + UUID.randomUUID();
        HttpResponse<String> patched = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + enabled,
                BodyPublishers.ofString("{\"url\":\"" + RECEIVER.url(good, null) + "\",\"status\":\"active\"}"),
                Api.with(auth, "Content-Type", "application/json"));
        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject mixed = json(postJson(
                "api/v1/webhooks/dlq/replay",
                "{\"ids\":[\"" + refusedLetter + "\",\"" + replayableLetter + "\"]}",
                auth));
        assertEquals(2, mixed.getInt("attempted"));
        assertEquals(1, mixed.getInt("replayed"), mixed.toString());
        JsonObject error = mixed.getJsonArray("errors").getJsonObject(0);
        assertEquals(refusedLetter, error.getString("id"));
        assertEquals("conflict", error.getString("code"));
        assertTrue(error.getString("detail").startsWith("subscription disabled"), error.toString());
        assertFalse(RECEIVER.await(good, d -> !d.isEmpty()).isEmpty(), "the replayable one went out");
        assertEquals("dead", awaitDelivery(disabled, d -> true).getString("status"));
    }

    /** A subscription disabled by its receiver's 410 to a test event, which it dead-lettered. */
    private String goneSubscription(String name) {
        String id = subscribe(name, "status=410", "[\"tag.*\"]")
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth);
        assertEquals("dead", awaitDelivery(id, d -> d.getInt("attempts") >= 1).getString("status"));
        assertEquals(
                "disabled",
                json(get("api/v1/webhooks/subscriptions/" + id, auth)).getString("status"));
        return id;
    }

    private String deadLetterOf(String subscription) {
        return json(get("api/v1/webhooks/dlq?subscriptionId=" + subscription, auth))
                .getJsonArray("data")
                .getJsonObject(0)
                .getString("id");
    }

    private JsonObject subscribe(String name, String query, String events) {
        return subscribe(auth, name, query, events);
    }

    /** A subscription of {@code owner}'s to the receiver's {@code name}; the answer holds its secret. */
    private static JsonObject subscribe(String[] owner, String name, String query, String events) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(name, query) + "\",\"events\":" + events + ",\"description\":\"" + name
                        + "\"}",
                owner);
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private JsonObject awaitSubscription(String subscription, Predicate<JsonObject> done) {
        return Eventually.await(
                "subscription " + subscription,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/subscriptions/" + subscription, auth)),
                done);
    }

    /** The subscription's newest delivery, once {@code done} holds for it. */
    private JsonObject awaitDelivery(String subscription, Predicate<JsonObject> done) {
        return awaitDelivery(subscription, auth, done);
    }

    private static JsonObject awaitDelivery(String subscription, String[] owner, Predicate<JsonObject> done) {
        JsonObject page = Eventually.await(
                "the newest delivery of " + subscription,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/subscriptions/" + subscription + "/deliveries", owner)),
                p -> p.getInt("count") > 0 && done.test(p.getJsonArray("data").getJsonObject(0)));
        return page.getJsonArray("data").getJsonObject(0);
    }

    /**
     * The event types routed to a subscription, once a test event sent to it now has been routed:
     * routing goes in event order, so every earlier event has been routed too.
     */
    private static List<String> routedTypes(String subscription, String[] owner) {
        Api.send("POST", "api/v1/webhooks/subscriptions/" + subscription + "/test", BodyPublishers.noBody(), owner);
        return Eventually.await(
                        "the test event routed to " + subscription,
                        Duration.ofSeconds(30),
                        () -> json(get(
                                        "api/v1/webhooks/subscriptions/" + subscription + "/deliveries?limit=200",
                                        owner))
                                .getJsonArray("data")
                                .getValuesAs(JsonObject.class),
                        d -> d.stream().anyMatch(x -> x.getString("eventType").equals("webhook.test")))
                .stream()
                .map(x -> x.getString("eventType"))
                .toList();
    }

    private static int outbox(String slug, boolean commit) {
        HttpResponse<String> response = Api.send(
                "POST", "api/v1/_probe/webhooks/outbox?slug=" + slug + "&commit=" + commit, BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response.body());
        return Integer.parseInt(response.body().strip());
    }

    private static JsonObject payload(JsonObject delivery) {
        return Api.structure(delivery.getString("body")).asJsonObject();
    }

    /** When an attempt's response (or failure) came: the retry wait runs from there. */
    private static Instant failedAt(JsonObject attempt) {
        return Instant.parse(attempt.getString("attemptedAt"))
                .plusMillis(attempt.getJsonNumber("latencyMs").longValue());
    }

    private static boolean verified(JsonObject delivery, int secret) {
        return delivery.getJsonArray("verdicts").getJsonObject(secret).getBoolean("ok");
    }

    private static JsonObject with(JsonObject headers, String name, String value) {
        return Json.createObjectBuilder(headers).add(name, value).build();
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertProblem(response, 400, "validation_failed");
        assertTrue(response.body().contains("\"field\":\"" + field + "\""), field + " in " + response.body());
    }
}
