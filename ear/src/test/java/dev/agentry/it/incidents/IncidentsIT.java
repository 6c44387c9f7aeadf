package dev.agentry.it.incidents;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import dev.agentry.it.jobs.Jobs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Incidents (SPEC section 6) from real traffic: refusals, failures, a dead-lettering receiver and a
 * broken audit chain cross their thresholds (the defaults: scope denials warn at 10 and are critical
 * at 50 in five minutes) and resolve once the clock moves past the window; the id never changes, and
 * nothing in an incident is a secret or personal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IncidentsIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();

    /** Beyond the five-minute window, wherever in it the occurrences fell. */
    private static final long PAST_THE_WINDOW = 900;

    @AfterEach
    void clockBack() {
        Api.shiftClock(0);
    }

    @Test
    void scopeDenialsCrossWarnThenCriticalKeepTheirIdResolveAndAreAnnounced() {
        String hook = "incidents-" + UUID.randomUUID();
        String[] watcher = bearer(Api.tokenFor(createCredential("{\"name\":\"watcher\",\"owner\":\"it\","
                + "\"scopes\":[\"incidents:read\",\"webhooks:manage\",\"tags:read\"]}")));
        HttpResponse<String> subscribed = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(hook, null) + "\",\"events\":[\"incident.*\"]}",
                watcher);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        JsonObject noisy = createCredential("{\"name\":\"noisy\",\"owner\":\"it\",\"scopes\":[\"tags:read\"]}");
        String[] noisyToken = bearer(Api.tokenFor(noisy));

        deny(noisyToken, 10);
        JsonObject warn =
                incidentOf("scope_denials", noisy.getString("id"), watcher).orElseThrow();
        assertEquals("open", warn.getString("status"));
        assertEquals("warn", warn.getString("severity"));
        assertEquals(10, warn.getInt("value"));
        assertEquals(10, warn.getInt("warn"));
        assertEquals(50, warn.getInt("critical"));
        assertEquals(300, warn.getInt("windowSeconds"));
        assertFalse(warn.getString("advice").isBlank());
        String id = warn.getString("id");

        deny(noisyToken, 40);
        JsonObject critical = json(get("api/v1/incidents/" + id, watcher));
        assertEquals(id, critical.getString("id"));
        assertEquals("critical", critical.getString("severity"));
        assertEquals("critical", critical.getString("peakSeverity"));
        assertEquals(50, critical.getInt("value"));
        assertEquals(List.of("critical", "warn"), severities(critical));
        assertEquals(warn.getString("openedAt"), critical.getString("openedAt"));

        // Whoever may not see the credential (its tags:read is beyond their ceiling) does not see its incident.
        String[] narrow = bearer(Api.tokenFor(
                createCredential("{\"name\":\"narrow\",\"owner\":\"it\",\"scopes\":[\"incidents:read\"]}")));
        assertProblem(get("api/v1/incidents/" + id, narrow), 404, "not_found");
        assertTrue(listed(get("api/v1/incidents?limit=200", narrow)).stream()
                .noneMatch(i -> i.getString("id").equals(id)));

        Api.shiftClock(PAST_THE_WINDOW);
        JsonObject resolved = json(get("api/v1/incidents/" + id, watcher));
        assertEquals(id, resolved.getString("id"));
        assertEquals("resolved", resolved.getString("status"));
        assertEquals(0, resolved.getInt("value"));
        assertFalse(resolved.isNull("resolvedAt"));
        assertEquals(List.of("critical", "critical", "warn"), severities(resolved));
        assertEquals(
                "resolved", resolved.getJsonArray("history").getJsonObject(0).getString("status"));
        assertTrue(listed(get("api/v1/incidents?status=resolved&limit=200", watcher)).stream()
                .anyMatch(i -> i.getString("id").equals(id)));
        assertTrue(listed(get("api/v1/incidents?status=open&limit=200", watcher)).stream()
                .noneMatch(i -> i.getString("id").equals(id)));

        // Coming back, it is the same incident, opened again.
        deny(noisyToken, 10);
        JsonObject again = json(get("api/v1/incidents/" + id, watcher));
        assertEquals("open", again.getString("status"));
        assertFalse(again.containsKey("resolvedAt"), again::toString);

        // Waits for all three: a delivery retried on its lane arrives after those sent later.
        List<String> expected = List.of("incident.opened", "incident.resolved", "incident.opened");
        List<JsonObject> events =
                RECEIVER.await(hook, d -> firstThree(typesAbout(d, id)).equals(expected));
        assertEquals(expected, firstThree(typesAbout(events, id)));
    }

    @Test
    void aBurstOfBadTokensAndServerErrorsWarnTurnCriticalForTheWholeApiAndResolveWhenTheyStop() {
        // A window of its own: what earlier tests refused is behind it, so the counts start at none.
        Api.shiftClock(PAST_THE_WINDOW);
        badTokens(0, 20);
        serverErrors(5);
        List<JsonObject> open = listed(get("api/v1/incidents?status=open&limit=200", asBootstrap()));
        JsonObject tokens = only(open, "token_failures", "unattributed");
        assertEquals("warn", tokens.getString("severity"), tokens.toString());
        JsonObject errors = only(open, "server_errors", "api");
        assertEquals("warn", errors.getString("severity"), errors.toString());

        badTokens(20, 100);
        serverErrors(20);
        List<JsonObject> critical =
                listed(get("api/v1/incidents?severity=critical&status=open&limit=200", asBootstrap()));
        assertEquals(
                tokens.getString("id"),
                only(critical, "token_failures", "unattributed").getString("id"));
        assertTrue(only(critical, "token_failures", "unattributed").getInt("value") >= 100, critical::toString);
        assertEquals(
                errors.getString("id"), only(critical, "server_errors", "api").getString("id"));
        assertTrue(only(critical, "server_errors", "api").getInt("value") >= 25, critical::toString);

        Api.shiftClock(2 * PAST_THE_WINDOW);
        List<JsonObject> resolved = listed(get("api/v1/incidents?status=resolved&limit=200", asBootstrap()));
        assertEquals(
                tokens.getString("id"),
                only(resolved, "token_failures", "unattributed").getString("id"));
        assertEquals(
                errors.getString("id"), only(resolved, "server_errors", "api").getString("id"));
    }

    private static void badTokens(int from, int to) {
        for (int i = from; i < to; i++) {
            get("api/v1/credentials", "Authorization", "Bearer not-a-token-" + i);
        }
    }

    private static void serverErrors(int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(500, get("api/v1/_probe/failure").statusCode());
        }
    }

    @Test
    void aReceiverAnswering500UntilItsDeliveryIsDeadLetteredIsAnIncidentOfItsOwner() {
        String[] owner = bearer(Api.tokenFor(createCredential("{\"name\":\"dlq-owner\",\"owner\":\"it\","
                + "\"scopes\":[\"webhooks:manage\",\"incidents:read\",\"tags:read\"]}")));
        // Tokens are issued before the clock moves: one issued "in the future" would not verify.
        String[] stranger = bearer(Api.tokenFor(
                createCredential("{\"name\":\"stranger\",\"owner\":\"it\",\"scopes\":[\"incidents:read\"]}")));
        String subscription = subscribe(owner, "dlq-" + UUID.randomUUID(), "status=500");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + subscription + "/test", BodyPublishers.noBody(), owner);
        awaitDelivery(subscription, owner, d -> d.getInt("attempts") >= 1);
        long shifted = 0;
        for (int attempt = 2; attempt <= 8; attempt++) {
            shifted += 13 * 3600; // beyond the longest wait of the retry schedule
            Api.shiftClock(shifted);
            int expected = attempt;
            awaitDelivery(subscription, owner, d -> d.getInt("attempts") >= expected);
        }
        assertEquals(
                "dead",
                awaitDelivery(subscription, owner, d -> d.getString("status").equals("dead"))
                        .getString("status"));

        JsonObject incident =
                incidentOf("webhook_dead_letters", subscription, owner).orElseThrow();
        assertEquals("open", incident.getString("status"));
        assertEquals("warn", incident.getString("severity"));
        assertEquals(1, incident.getInt("value"));

        // The subscription's owner sees it; a reader who may not see that credential does not.
        assertProblem(get("api/v1/incidents/" + incident.getString("id"), stranger), 404, "not_found");

        Api.shiftClock(shifted + PAST_THE_WINDOW);
        JsonObject resolved = json(get("api/v1/incidents/" + incident.getString("id"), owner));
        assertEquals("resolved", resolved.getString("status"));
    }

    @Test
    void aBrokenAuditChainIsCriticalUntilItVerifiesAgain() {
        JsonObject verdict = verify();
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
        // The chain begins after the anchor where an audit horizon removed the oldest records (RetentionIT).
        long victim =
                AuditRecords.firstSequence() + verdict.getJsonNumber("checked").longValue() / 2;
        String old = Api.send(
                        "PUT", "api/v1/_probe/audit/" + victim + "/outcome/success-forged", BodyPublishers.noBody())
                .body();
        String id;
        try {
            assertFalse(verify().getBoolean("valid"));
            JsonObject broken =
                    incidentOf("audit_chain_failures", "audit", asBootstrap()).orElseThrow();
            assertEquals("open", broken.getString("status"));
            assertEquals("critical", broken.getString("severity"));
            id = broken.getString("id");
        } finally {
            Api.send("PUT", "api/v1/_probe/audit/" + victim + "/outcome/" + old, BodyPublishers.noBody());
        }
        assertTrue(verify().getBoolean("valid"));
        assertEquals(
                "resolved", json(get("api/v1/incidents/" + id, asBootstrap())).getString("status"));
    }

    @Test
    void noIncidentNorItsEventCarriesASecretAnAddressOrAPersonalField() {
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        JsonObject credential = createCredential("{\"name\":\"" + canary + "-name\",\"owner\":\"" + canary
                + "@example.com\",\"description\":\"" + canary + "-description\","
                + "\"scopes\":[\"incidents:read\",\"webhooks:manage\",\"tags:read\"]}");
        String token = Api.tokenFor(credential);
        String[] auth = bearer(token);
        String hook = canary + "-hook";
        HttpResponse<String> subscribed = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(hook, null) + "\",\"events\":[\"incident.*\"],\"description\":\"" + canary
                        + "-subscription\"}",
                auth);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        // A receiver that answers 410 dead-letters at once: a dead-letter incident about a canary's URL.
        String gone = subscribe(auth, canary + "-gone", "status=410");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + gone + "/test", BodyPublishers.noBody(), auth);
        awaitDelivery(gone, auth, d -> d.getString("status").equals("dead"));
        deny(auth, 10);
        for (int i = 0; i < 20; i++) {
            get("api/v1/credentials", "Authorization", "Bearer " + token + "x");
        }

        List<String> answers = new ArrayList<>();
        HttpResponse<String> list = get("api/v1/incidents?limit=200", asBootstrap());
        answers.add(list.body());
        for (JsonObject incident : listed(list)) {
            answers.add(get("api/v1/incidents/" + incident.getString("id"), asBootstrap())
                    .body());
        }
        assertTrue(answers.stream().anyMatch(a -> a.contains(credential.getString("id"))), "the canary's incident");
        assertTrue(answers.stream().anyMatch(a -> a.contains(gone)), "the dead letter's incident");
        RECEIVER.await(hook, d -> !d.isEmpty()).forEach(d -> answers.add(d.getString("body")));
        List<String> forbidden = List.of(
                canary,
                credential.getString("clientSecret"),
                credential.getString("clientId"),
                token,
                "agy_",
                "eyJ",
                "Bearer",
                "@",
                "127.0.0.1",
                "receiver says",
                "Exception");
        for (String answer : answers) {
            for (String secret : forbidden) {
                assertFalse(answer.contains(secret), () -> "an incident answer contains '" + secret + "': " + answer);
            }
        }
    }

    @Test
    void runsThatFailAreAnIncidentOfTheirOwner() {
        JsonObject owner = createCredential(
                "{\"name\":\"failing runner\",\"owner\":\"it\",\"scopes\":[\"runs:write\",\"runs:read\"]}");
        String[] runner = bearer(Api.tokenFor(owner));
        failRuns(runner, 3);
        JsonObject incident =
                incidentOf("failed_runs", owner.getString("id"), asBootstrap()).orElseThrow();
        assertEquals("open", incident.getString("status"));
        assertEquals("warn", incident.getString("severity"));
        assertEquals(3, incident.getInt("value"));

        failRuns(runner, 7);
        JsonObject critical = json(get("api/v1/incidents/" + incident.getString("id"), asBootstrap()));
        assertEquals("critical", critical.getString("severity"), critical.toString());
        assertEquals(10, critical.getInt("value"));

        Api.shiftClock(PAST_THE_WINDOW);
        assertEquals(
                "resolved",
                json(get("api/v1/incidents/" + incident.getString("id"), asBootstrap()))
                        .getString("status"));
    }

    /** Submits {@code times} runs whose verify step fails, all at once, and waits for each to fail. */
    private static void failRuns(String[] runner, int times) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            HttpResponse<String> submitted = Runs.submit(
                    Runs.task("demo", "[]", "[\"fail\"]", "[{\"final\":\"Done, I think.\"}]"),
                    UUID.randomUUID().toString(),
                    runner);
            assertEquals(202, submitted.statusCode(), submitted.body());
            ids.add(json(submitted).getString("id"));
        }
        for (String id : ids) {
            assertEquals("failed", Runs.awaitEnd(id, runner).getString("status"));
        }
    }

    @Test
    void rateLimitDenialsOfACredentialWarnThenTurnCriticalAndResolve() {
        JsonObject busy = createCredential("{\"name\":\"busy client\",\"owner\":\"it\",\"scopes\":[\"tags:read\"]}");
        String[] token = bearer(Api.tokenFor(busy));
        // The limit is 600 a minute: asking on until 20 are refused warns, until 200 are refused is critical.
        int refused = refusals(token, 20);
        JsonObject warn = incidentOf("rate_limit_denials", busy.getString("id"), asBootstrap())
                .orElseThrow();
        assertEquals("open", warn.getString("status"));
        assertEquals("warn", warn.getString("severity"), warn.toString());
        assertEquals(refused, warn.getInt("value"), warn.toString());
        refusals(token, 180);
        JsonObject critical = json(get("api/v1/incidents/" + warn.getString("id"), asBootstrap()));
        assertEquals("critical", critical.getString("severity"), critical.toString());
        assertTrue(critical.getInt("value") >= 200, critical.toString());

        Api.shiftClock(PAST_THE_WINDOW);
        assertEquals(
                "resolved",
                json(get("api/v1/incidents/" + warn.getString("id"), asBootstrap()))
                        .getString("status"));
    }

    /**
     * Lag is measured by the sync-state job alone (incidents do not sample it): each run's snapshot opens, raises
     * and resolves the incident, asserted as soon as the run completed, and the value is the snapshot's.
     */
    @Test
    void aStalledConsumerIsAnIncidentOfItsCredentialFromTheSyncStateJobUntilItCatchesUp() {
        JsonObject syncing = createCredential("{\"name\":\"stalling sync\",\"owner\":\"it\","
                + "\"scopes\":[\"changes:read\",\"entries:read\",\"syncstate:read\",\"syncstate:write\","
                + "\"incidents:read\"]}");
        String[] consumer = bearer(Api.tokenFor(syncing));
        String[] stranger = bearer(Api.tokenFor(
                createCredential("{\"name\":\"lag stranger\",\"owner\":\"it\",\"scopes\":[\"incidents:read\"]}")));
        checkpoint(consumer, endOfEntries(consumer));
        // Changes the consumer then does not take: its lag is their age.
        writeAnEntry();

        Api.shiftClock(400);
        Jobs.run("sync-state");
        JsonObject warn =
                incidentOf("sync_lag", syncing.getString("id"), consumer).orElseThrow();
        assertEquals("open", warn.getString("status"));
        assertEquals("warn", warn.getString("severity"), warn.toString());
        assertTrue(warn.getInt("value") >= 400, warn.toString());
        // The snapshot's measurement (a scheduled run in between may have measured a second or two later).
        assertTrue(
                Math.abs(newestSnapshot(consumer).getInt("secondsBehind") - warn.getInt("value")) <= 5, warn::toString);
        assertProblem(get("api/v1/incidents/" + warn.getString("id"), stranger), 404, "not_found");
        assertTrue(listed(get("api/v1/incidents?limit=200", stranger)).stream()
                .noneMatch(i -> i.getString("id").equals(warn.getString("id"))));

        Api.shiftClock(2_000);
        Jobs.run("sync-state");
        JsonObject critical = json(get("api/v1/incidents/" + warn.getString("id"), consumer));
        assertEquals("critical", critical.getString("severity"), critical.toString());
        assertTrue(critical.getInt("value") >= 2_000, critical.toString());

        checkpoint(consumer, endOfEntries(consumer));
        Jobs.run("sync-state");
        JsonObject resolved = json(get("api/v1/incidents/" + warn.getString("id"), consumer));
        assertEquals("resolved", resolved.getString("status"), resolved.toString());
        assertEquals(0, resolved.getInt("value"));
        assertEquals(0, newestSnapshot(consumer).getInt("secondsBehind"));
    }

    @Test
    void aSubscriptionsWaitingDeliveryAgesIntoAnIncidentOfItsOwnerUntilItIsDisabled() {
        String[] owner = bearer(Api.tokenFor(createCredential("{\"name\":\"backlog owner\",\"owner\":\"it\","
                + "\"scopes\":[\"webhooks:manage\",\"incidents:read\",\"tags:read\"]}")));
        String[] stranger = bearer(Api.tokenFor(
                createCredential("{\"name\":\"backlog stranger\",\"owner\":\"it\",\"scopes\":[\"incidents:read\"]}")));
        String subscription = subscribe(owner, "backlog-" + UUID.randomUUID(), "status=500");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + subscription + "/test", BodyPublishers.noBody(), owner);
        awaitDelivery(subscription, owner, d -> d.getInt("attempts") >= 1);

        // Its retries keep failing (5 s, 5 min, 30 min, 2 h apart): the delivery waits, older each time.
        Api.shiftClock(400);
        JsonObject warn = incidentOf("webhook_backlog_age", subscription, owner).orElseThrow();
        assertEquals("warn", warn.getString("severity"), warn.toString());
        assertProblem(get("api/v1/incidents/" + warn.getString("id"), stranger), 404, "not_found");
        Api.shiftClock(4_000);
        JsonObject critical = json(get("api/v1/incidents/" + warn.getString("id"), owner));
        assertEquals("critical", critical.getString("severity"), critical.toString());
        assertEquals("pending", awaitDelivery(subscription, owner, d -> true).getString("status"));

        HttpResponse<String> disabled = Api.send(
                "PATCH",
                "api/v1/webhooks/subscriptions/" + subscription,
                BodyPublishers.ofString("{\"status\":\"disabled\"}"),
                Api.with(owner, "Content-Type", "application/json"));
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(
                "resolved",
                json(get("api/v1/incidents/" + warn.getString("id"), owner)).getString("status"));
    }

    @Test
    void badFiltersAreRefusedWithTheirFieldsNamed() {
        // Each filter is typed (an enum) and refused as it is read, so a request with two bad ones hears of the first.
        assertEquals(
                java.util.Set.of("severity:invalid"),
                Api.fieldErrors(get("api/v1/incidents?severity=loud", asBootstrap())));
        assertEquals(
                java.util.Set.of("status:invalid"),
                Api.fieldErrors(get("api/v1/incidents?status=maybe", asBootstrap())));
        assertEquals(
                1,
                Api.fieldErrors(get("api/v1/incidents?severity=loud&status=maybe", asBootstrap()))
                        .size());
        assertProblem(get("api/v1/incidents/inc_nope", asBootstrap()), 404, "not_found");
    }

    private static void deny(String[] token, int times) {
        for (int i = 0; i < times; i++) {
            assertProblem(get("api/v1/credentials", token), 403, "scope_denied");
        }
    }

    /** Asks as fast as it can until {@code wanted} requests were refused by the rate limit (at most 2,000). */
    private static int refusals(String[] token, int wanted) {
        int refused = 0;
        for (int i = 0; i < 2_000 && refused < wanted; i++) {
            if (get("api/v1/auth/whoami", token).statusCode() == 429) {
                refused++;
            }
        }
        assertEquals(wanted, refused, "rate-limit refusals");
        return refused;
    }

    private static JsonObject newestSnapshot(String[] consumer) {
        return listed(get(
                        "api/v1/sync-state/lag/history?consumer=entries-mirror&resourceType=entries&limit=1", consumer))
                .get(0);
    }

    private static void writeAnEntry() {
        Api.send(
                "POST",
                "api/v1/_probe/catalog/concurrent-writes?writers=1&each=1&tag=lagging",
                BodyPublishers.noBody());
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
    }

    private static void checkpoint(String[] consumer, String cursor) {
        HttpResponse<String> put = Api.send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString(
                        "{\"consumer\":\"entries-mirror\",\"resourceType\":\"entries\",\"cursor\":\"" + cursor + "\"}"),
                Api.with(consumer, "Content-Type", "application/json"));
        assertEquals(200, put.statusCode(), put.body());
    }

    private static String endOfEntries(String[] consumer) {
        String cursor = null;
        while (true) {
            JsonObject page = json(get(
                    "api/v1/changes?types=entries&limit=200" + (cursor == null ? "" : "&cursor=" + cursor), consumer));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static Optional<JsonObject> incidentOf(String signal, String subject, String[] reader) {
        return listed(get("api/v1/incidents?limit=200", reader)).stream()
                .filter(i -> i.getString("signal").equals(signal)
                        && i.getString("subject").equals(subject))
                .findFirst();
    }

    private static JsonObject only(List<JsonObject> incidents, String signal, String subject) {
        List<JsonObject> found = incidents.stream()
                .filter(i -> i.getString("signal").equals(signal)
                        && i.getString("subject").equals(subject))
                .toList();
        assertEquals(1, found.size(), () -> signal + "/" + subject + " in " + incidents);
        return found.get(0);
    }

    private static List<String> severities(JsonObject incident) {
        return incident.getJsonArray("history").stream()
                .map(c -> c.asJsonObject().getString("severity"))
                .toList();
    }

    private static List<String> firstThree(List<String> types) {
        return types.subList(0, Math.min(3, types.size()));
    }

    private static List<String> typesAbout(List<JsonObject> deliveries, String incident) {
        // Deliveries go out on parallel lanes: their order of arrival is not the order of events.
        return deliveries.stream()
                .map(d -> Api.structure(d.getString("body")).asJsonObject())
                .filter(e -> e.getJsonObject("data").getString("incidentId").equals(incident))
                .sorted(java.util.Comparator.comparing(e -> java.time.Instant.parse(e.getString("occurredAt"))))
                .map(e -> e.getString("type"))
                .toList();
    }

    private static String subscribe(String[] owner, String name, String query) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(name, query) + "\",\"events\":[\"tag.*\"]}",
                owner);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getJsonObject("subscription").getString("id");
    }

    private static JsonObject awaitDelivery(
            String subscription, String[] owner, java.util.function.Predicate<JsonObject> done) {
        JsonObject page = Eventually.await(
                "the newest delivery of " + subscription,
                Duration.ofSeconds(30),
                () -> json(get("api/v1/webhooks/subscriptions/" + subscription + "/deliveries", owner)),
                p -> p.getInt("count") > 0 && done.test(p.getJsonArray("data").getJsonObject(0)));
        return page.getJsonArray("data").getJsonObject(0);
    }

    private static JsonObject verify() {
        HttpResponse<String> verdict = Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap());
        assertEquals(200, verdict.statusCode(), verdict.body());
        return json(verdict);
    }
}
