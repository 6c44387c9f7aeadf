package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.CredentialState;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Mcp;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The ownership matrix (SPEC section 3, "Ownership"): runs with their artifacts, webhook subscriptions
 * with their deliveries, and sync checkpoints belong to the credential that created them. For every
 * route on every owned resource, another credential holding the same scopes gets {@code 404 not_found}
 * — the very answer a missing id gets — or a listing without it; {@code runs:admin} reaches every
 * credential's runs, and nothing else of theirs.
 */
@ExtendWith(ArquillianExtension.class)
class OwnershipMatrixIT {

    private static final String SCOPES = "\"runs:read\",\"runs:write\",\"artifacts:read\",\"webhooks:manage\","
            + "\"webhooks:dlq:read\",\"webhooks:dlq:replay\",\"syncstate:read\",\"syncstate:write\",\"changes:read\","
            + "\"entries:read\"";

    /** Every control route that takes {@code artifact.apply} with a run: simulate, request approval, execute. */
    private static final List<String> APPLY_ROUTES =
            List.of("api/v1/control/policy-simulate", "api/v1/control/approvals", "api/v1/control/actions/execute");

    /** The owner, another credential with the same scopes, and a runs administrator. */
    static String[] owner;

    static String[] other;
    static String[] admin;
    static String ownerId;
    static String runId;
    static String subscriptionId;
    static String consumer;

    /** A route on an owned resource: method, path and JSON body (or null). */
    record Call(String method, String path, String body) {
        HttpResponse<String> as(String[] caller) {
            return body == null
                    ? Api.send(method, path, BodyPublishers.noBody(), caller)
                    : Api.send(
                            method,
                            path,
                            BodyPublishers.ofString(body),
                            Api.with(caller, "Content-Type", "application/json"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void ownerCreatesOneOfEach() {
        JsonObject created = createCredential(credential("owner", SCOPES));
        ownerId = created.getString("id");
        owner = bearer(tokenFor(created));
        other = bearer(tokenFor(createCredential(credential("other", SCOPES))));
        admin = bearer(tokenFor(createCredential(credential(
                "runs-admin",
                "\"runs:admin\",\"runs:read\",\"runs:write\",\"artifacts:read\",\"webhooks:manage\","
                        + "\"webhooks:dlq:read\",\"syncstate:read\""))));

        HttpResponse<String> started = Runs.submit(
                Runs.task(
                        "demo",
                        "[\"workspace.write\"]",
                        "[]",
                        "[{\"toolCalls\":[{\"tool\":\"workspace.write\",\"arguments\":"
                                + "{\"path\":\"src/app.txt\",\"content\":\"fixed\\n\"}}],\"final\":\"owned\"}]"),
                UUID.randomUUID().toString(),
                owner);
        assertEquals(202, started.statusCode(), started.body());
        runId = json(started).getString("id");
        assertEquals("succeeded", Runs.awaitEnd(runId, owner).getString("status"));

        HttpResponse<String> subscribed = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"http://127.0.0.1:9/ownership\",\"events\":[\"webhook.test\"]}",
                owner);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        subscriptionId = json(subscribed).getJsonObject("subscription").getString("id");

        consumer = "ownership-" + UUID.randomUUID();
        String cursor = json(get("api/v1/changes?types=entries&limit=1", owner)).getString("nextCursor");
        HttpResponse<String> stored = Api.send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString("{\"consumer\":\"" + consumer + "\",\"resourceType\":\"entries\",\"cursor\":\""
                        + cursor + "\"}"),
                Api.with(owner, "Content-Type", "application/json"));
        assertEquals(200, stored.statusCode(), stored.body());
    }

    /** Every route on the owner's run, its artifacts included; an ended run's cancel changes nothing. */
    static List<Call> runRoutes(String id) {
        String run = "api/v1/runs/" + id;
        return List.of(
                new Call("GET", run, null),
                new Call("POST", run + "/cancel", null),
                new Call("GET", run + "/artifacts", null),
                new Call("GET", run + "/artifacts.zip", null),
                new Call("GET", run + "/artifacts/files/patch.diff", null),
                new Call("GET", run + "/artifacts/files/transcript.json", null),
                new Call("GET", run + "/artifacts/verify", null),
                new Call("GET", run + "/events", null));
    }

    /**
     * Every route on the owner's subscription and checkpoint. Another credential's DELETE is refused, so
     * nothing here removes anything: the tests may run in any order.
     */
    static List<Call> otherRoutes(String subscription, String checkpointConsumer) {
        String sub = "api/v1/webhooks/subscriptions/" + subscription;
        return List.of(
                new Call("GET", sub, null),
                new Call("GET", sub + "/deliveries", null),
                new Call("POST", sub + "/test", null),
                new Call("PATCH", sub, "{\"description\":\"taken over\"}"),
                new Call("POST", sub + "/rotate-secret", null),
                new Call("DELETE", sub, null),
                new Call(
                        "GET",
                        "api/v1/sync-state/checkpoint?consumer=" + checkpointConsumer + "&resourceType=entries",
                        null));
    }

    @Test
    void anotherCredentialsMcpToolsAndProgressStreamFindNothingOfTheOwners() {
        String session = Mcp.session(other);
        JsonObject run = Json.createObjectBuilder().add("runId", runId).build();
        for (String tool : List.of("runs.get", "runs.cancel", "artifacts.verify")) {
            JsonObject refused = Mcp.callTool(session, tool, run, other);
            assertTrue(refused.getBoolean("isError"), tool);
            assertEquals("not_found", refused.getJsonObject("structuredContent").getString("code"), tool);
        }
        JsonObject checkpoint = Mcp.callTool(
                session,
                "sync_state.get",
                Json.createObjectBuilder()
                        .add("consumer", consumer)
                        .add("resourceType", "entries")
                        .build(),
                other);
        assertEquals("not_found", checkpoint.getJsonObject("structuredContent").getString("code"));
        // A progress position written by hand for the owner's run (positions are unsigned: reading them is what
        // is authorised) resumes nothing.
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"r\":\"" + runId + "\",\"s\":0,\"i\":1,\"t\":1}").getBytes(StandardCharsets.UTF_8));
        assertProblem(Mcp.resumeRefused(session, forged, other), 404, "not_found");
    }

    @Test
    void anotherCredentialGetsNotFoundOnEveryRouteExactlyAsForAMissingId() {
        String missingRun = "run_" + UUID.randomUUID().toString().replace("-", "");
        String missingSubscription = UUID.randomUUID().toString();
        List<Call> owned = concat(runRoutes(runId), otherRoutes(subscriptionId, consumer));
        // The checkpoint's key includes the credential: the other's lookup of the same consumer is a miss.
        List<Call> missing = concat(runRoutes(missingRun), otherRoutes(missingSubscription, consumer));
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < owned.size(); i++) {
            Call call = owned.get(i);
            Call absent = missing.get(i);
            checks.add(() -> {
                String refused = withoutRequestId(assertProblem(call.as(other), 404, "not_found"));
                String unknown = withoutRequestId(assertProblem(absent.as(other), 404, "not_found"))
                        .replace(missingRun, runId)
                        .replace(missingSubscription, subscriptionId);
                assertEquals(unknown, refused, call + ": the same answer as a missing id, no hint that it exists");
            });
        }
        assertAll(checks);
        JsonObject subscription = json(get("api/v1/webhooks/subscriptions/" + subscriptionId, owner));
        assertFalse(subscription.toString().contains("taken over"), "the refused PATCH changed nothing");
    }

    @Test
    void listingsOfAnotherCredentialLeaveTheOwnersThingsOut() {
        assertAll(
                () -> assertFalse(ids(get("api/v1/runs?limit=200", other)).contains(runId), "GET /runs"),
                () -> assertEquals(
                        List.of(), ids(get("api/v1/runs?credentialId=" + ownerId, other)), "GET /runs?credentialId="),
                () -> assertFalse(
                        ids(get("api/v1/webhooks/subscriptions", other)).contains(subscriptionId),
                        "GET /webhooks/subscriptions"),
                () -> assertFalse(
                        get("api/v1/sync-state/lag", other).body().contains(consumer), "GET /sync-state/lag"));
    }

    @Test
    void anotherCredentialNeitherSeesNorReplaysTheOwnersDeadLetters() {
        // A receiver answering 410 dead-letters the first delivery at once.
        String gone = postJson(
                        "api/v1/webhooks/subscriptions",
                        "{\"url\":\"" + WebhookReceiver.get().url("ownership-gone-" + UUID.randomUUID(), "status=410")
                                + "\",\"events\":[\"webhook.test\"]}",
                        owner)
                .body();
        String goneId =
                Api.structure(gone).asJsonObject().getJsonObject("subscription").getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + goneId + "/test", BodyPublishers.noBody(), owner);
        String letterId = Eventually.await(
                        "the owner's dead letter",
                        Duration.ofSeconds(30),
                        () -> ids(get("api/v1/webhooks/dlq?subscriptionId=" + goneId, owner)),
                        letters -> !letters.isEmpty())
                .get(0);

        assertAll(
                () -> assertFalse(ids(get("api/v1/webhooks/dlq", other)).contains(letterId), "GET /webhooks/dlq"),
                () -> assertProblem(get("api/v1/webhooks/dlq?subscriptionId=" + goneId, other), 404, "not_found"),
                () -> {
                    JsonObject replay =
                            json(postJson("api/v1/webhooks/dlq/replay", "{\"ids\":[\"" + letterId + "\"]}", other));
                    assertEquals(0, replay.getInt("replayed"), replay.toString());
                    assertEquals(
                            "not_found",
                            replay.getJsonArray("errors").getJsonObject(0).getString("code"));
                },
                () -> assertFalse(ids(get("api/v1/webhooks/dlq", admin)).contains(letterId), "runs:admin: not a run"));
    }

    @Test
    void runsAdminReachesEveryonesRunsButNotTheirSubscriptionsOrCheckpoints() {
        List<Executable> checks = new ArrayList<>();
        for (Call call : runRoutes(runId)) {
            checks.add(() -> assertEquals(200, call.as(admin).statusCode(), call + " as runs:admin"));
        }
        for (Call call : otherRoutes(subscriptionId, consumer)) {
            checks.add(() -> assertProblem(call.as(admin), 404, "not_found"));
        }
        checks.add(() -> assertTrue(ids(get("api/v1/runs?limit=200", admin)).contains(runId), "GET /runs"));
        checks.add(() -> assertTrue(
                ids(get("api/v1/runs?credentialId=" + ownerId, admin)).contains(runId), "GET /runs?credentialId="));
        checks.add(() -> assertFalse(get("api/v1/sync-state/lag", admin).body().contains(consumer), "lag"));
        assertAll(checks);

        // runs:admin widens the run scopes, it does not replace them: a route still needs its own.
        String[] adminOnly = bearer(tokenFor(createCredential(credential("admin-only", "\"runs:admin\""))));
        assertProblem(get("api/v1/runs/" + runId, adminOnly), 403, "scope_denied");
        assertProblem(get("api/v1/runs/" + runId + "/artifacts", adminOnly), 403, "scope_denied");
    }

    @Test
    void theOwnerReachesEveryRouteItself() {
        // The control: every refusal above is about ownership, not about a broken route or a missing file.
        for (Call call : concat(runRoutes(runId), otherRoutes(subscriptionId, consumer))) {
            if (call.method().equals("DELETE")) {
                continue; // the others' tests need the subscription
            }
            Call mine = call.body() == null ? call : new Call(call.method(), call.path(), "{\"description\":\"mine\"}");
            int status = mine.as(owner).statusCode();
            assertTrue(status >= 200 && status < 300, call + " as owner: " + status);
        }
    }

    @Test
    void anotherCredentialsGovernedApplyOfTheOwnersRunIsAnsweredAsForAMissingRun() {
        String[] controller = bearer(tokenFor(createCredential(credential(
                "apply-other",
                SCOPES + ",\"control:actions:simulate\",\"control:approvals:request\",\"control:actions:execute\""))));
        String missingRun = "run_" + UUID.randomUUID().toString().replace("-", "");
        List<Executable> checks = new ArrayList<>();
        for (String route : APPLY_ROUTES) {
            checks.add(() -> {
                String refused = withoutRequestId(assertProblem(applying(route, runId, controller), 404, "not_found"));
                String unknown = withoutRequestId(
                                assertProblem(applying(route, missingRun, controller), 404, "not_found"))
                        .replace(missingRun, runId);
                assertEquals(unknown, refused, route + " artifact.apply: the same answer as a missing run");
            });
        }
        assertAll(checks);
    }

    /** {@code artifact.apply} of a run on {@code route}: what reaches the run, as executing it would. */
    private static HttpResponse<String> applying(String route, String run, String[] caller) {
        String body = "{\"action\":\"artifact.apply\",\"input\":{\"runId\":\"" + run + "\",\"target\":\"site\"}}";
        return Api.send(
                "POST",
                route,
                BodyPublishers.ofString(body),
                Api.with(
                        caller,
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        "ownership-" + UUID.randomUUID()));
    }

    private static String withoutRequestId(JsonObject problem) {
        return Json.createObjectBuilder(problem).remove("requestId").build().toString();
    }

    private static List<String> ids(HttpResponse<String> listing) {
        assertEquals(200, listing.statusCode(), listing.body());
        return json(listing).getJsonArray("data").stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
    }

    private static String credential(String name, String scopes) {
        return "{\"name\":\"ownership-" + name + "-" + UUID.randomUUID() + "\",\"owner\":\"it\",\"scopes\":[" + scopes
                + "]}";
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.of(first, second).flatMap(List::stream).toList();
    }

    @Test
    void anotherCredentialDoesNotSeeTheOwnersLagHistory() {
        // A snapshot of every checkpoint's lag; a scheduled one may be running, so start when it is free.
        long execution = Eventually.await(
                        "a sync-state snapshot started",
                        Duration.ofSeconds(30),
                        () -> postJson("api/v1/jobs/sync-state/start", "{}", Api.asBootstrap()),
                        started -> started.statusCode() == 202)
                .body()
                .transform(body -> Api.structure(body)
                        .asJsonObject()
                        .getJsonNumber("executionId")
                        .longValue());
        Eventually.await(
                "the snapshot",
                Duration.ofSeconds(60),
                () -> json(get("api/v1/jobs/executions/" + execution, Api.asBootstrap()))
                        .getJsonObject("execution")
                        .getString("status"),
                "COMPLETED"::equals);

        String history = "api/v1/sync-state/lag/history?consumer=" + consumer;
        assertAll(
                () -> assertTrue(get(history, owner).body().contains(consumer), "the owner's own history"),
                () -> assertFalse(get(history, other).body().contains(consumer), "GET /sync-state/lag/history"),
                () -> assertFalse(get(history, admin).body().contains(consumer), "runs:admin: not a run"));
    }

    @Test
    void aCredentialSeesItsOwnIncidentsAndRisksAndAPeerBelowItsScopesDoesNot() {
        JsonObject self = createCredential("{\"name\":\"self-" + UUID.randomUUID() + "\",\"owner\":\"it\","
                + "\"scopes\":[\"incidents:read\",\"lifecycle:read\",\"tags:read\"],\"ttlDays\":null}");
        String id = self.getString("id");
        String[] selfToken = bearer(tokenFor(self));
        CredentialState.deniedScope(selfToken, 10);
        // The same scopes but tags:read: the credential is beyond the peer's ceiling.
        String[] peer = bearer(tokenFor(createCredential(
                "{\"name\":\"peer\",\"owner\":\"it\"," + "\"scopes\":[\"incidents:read\",\"lifecycle:read\"]}")));

        List<JsonObject> own = CredentialState.incidentsAbout(id, selfToken);
        assertEquals(1, own.size(), own.toString());
        assertFalse(CredentialState.risksOf(id, selfToken).isEmpty(), "its own no_expiry risk");
        String incident = own.get(0).getString("id");
        assertEquals(id, json(get("api/v1/incidents/" + incident, selfToken)).getString("subject"));

        assertTrue(CredentialState.incidentsAbout(id, peer).isEmpty());
        assertProblem(get("api/v1/incidents/" + incident, peer), 404, "not_found");
        assertTrue(CredentialState.risksOf(id, peer).isEmpty());
    }

    @Test
    void anotherCredentialGetsNotFoundOnTheOwnersSessionRunsAdminIncluded() {
        String session = "ownership-" + UUID.randomUUID();
        HttpResponse<String> started = Runs.submit(
                "{\"goal\":\"owned session\",\"agent\":\"demo\",\"workspace\":{\"seed\":\"project\"},"
                        + "\"sessionId\":\"" + session + "\",\"script\":[{\"final\":\"owned\"}]}",
                UUID.randomUUID().toString(),
                owner);
        assertEquals(202, started.statusCode(), started.body());
        Runs.awaitEnd(json(started).getString("id"), owner);
        String missing = "ownership-" + UUID.randomUUID();
        List<Executable> checks = new ArrayList<>();
        for (String route : List.of("api/v1/sessions/%s", "api/v1/sessions/%s/transcript")) {
            checks.add(
                    () -> assertEquals(200, get(route.formatted(session), owner).statusCode(), route + " as owner"));
            for (String[] caller : List.of(other, admin)) {
                checks.add(() -> {
                    String refused =
                            withoutRequestId(assertProblem(get(route.formatted(session), caller), 404, "not_found"));
                    String unknown = withoutRequestId(
                                    assertProblem(get(route.formatted(missing), caller), 404, "not_found"))
                            .replace(missing, session);
                    assertEquals(unknown, refused, route + ": the same answer as a missing session");
                });
            }
        }
        assertAll(checks);
    }

    @Test
    void anotherCredentialsMemoryLayersAreOutOfReach() {
        String scopes = "\"agents:read\",\"agents:manage\"";
        String[] mine = bearer(tokenFor(createCredential(credential("memory-owner", scopes))));
        String[] theirs = bearer(tokenFor(createCredential(credential("memory-other", scopes))));
        String key = "ownership-" + UUID.randomUUID();
        for (String layer : List.of("layer=credential", "layer=session&session=s1")) {
            String entry = "api/v1/agents/rememberer/memory/" + key + "?" + layer;
            HttpResponse<String> written = Api.send(
                    "PUT",
                    entry,
                    BodyPublishers.ofString("{\"value\":\"mine\"}"),
                    Api.with(mine, "Content-Type", "application/json"));
            assertEquals(201, written.statusCode(), written.body());
            assertProblem(get(entry, theirs), 404, "not_found");
            assertFalse(
                    get("api/v1/agents/rememberer/memory?" + layer, theirs)
                            .body()
                            .contains(key),
                    layer + ": another credential's listing");
            assertProblem(Api.send("DELETE", entry, BodyPublishers.noBody(), theirs), 404, "not_found");
            assertEquals("\"mine\"", json(get(entry, mine)).get("value").toString(), "untouched");
        }
    }
}
