package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.strings;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The grant ceiling (SPEC section 3): every way a {@code credentials:manage} holder could widen its own
 * or another credential's reach is refused with {@code 403 scope_denied} naming the scopes, changes
 * nothing, and leaves a denied audit record with its code; what stays within its scopes still works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationIT {

    private static final List<String> MANAGER_SCOPES = List.of("credentials:manage", "entries:read");

    private JsonObject manager;
    private String[] asManager;
    private JsonObject weaker;
    private JsonObject stronger;
    private final List<String> refusedRequests = new ArrayList<>();

    @BeforeEach
    void credentials() {
        manager = createCredential(
                "{\"name\":\"manager\",\"owner\":\"it\",\"scopes\":[\"credentials:manage\",\"entries:read\"]}");
        asManager = bearer(tokenFor(manager));
        weaker = createCredential("{\"name\":\"weaker\",\"owner\":\"it\",\"scopes\":[\"entries:read\"]}");
        stronger = createCredential("{\"name\":\"stronger\",\"owner\":\"it\",\"scopes\":"
                + "[\"credentials:manage\",\"entries:read\",\"audit:read\"]}");
    }

    @Test
    void itCannotCreateACredentialWithAScopeItLacks() {
        String name = "escalated-" + UUID.randomUUID();

        JsonObject problem = refused(
                send(
                        "POST",
                        "",
                        "{\"name\":\"" + name + "\",\"owner\":\"it\",\"scopes\":"
                                + "[\"audit:read\",\"users:read_sensitive\",\"credentials:manage\"]}"),
                "audit:read",
                "users:read_sensitive");

        assertFalse(problem.getString("detail").contains("credentials:manage"), "names only what it lacks");
        assertFalse(get("api/v1/credentials", asBootstrap()).body().contains(name), "nothing was created");
        assertAudited("credential.create", null);
    }

    @Test
    void itCannotGiveAnotherCredentialAScopeItLacks() {
        refused(patch(weaker, "{\"scopes\":[\"entries:read\",\"audit:read\"]}"), "audit:read");

        assertEquals(List.of("entries:read"), scopesOf(weaker));
        assertAudited("credential.update", weaker.getString("id"));
    }

    @Test
    void itCannotChangeItsOwnScopesAllowlistInterestsOrExpiry() {
        refused(patch(manager, "{\"scopes\":[\"credentials:manage\",\"entries:read\",\"audit:read\"]}"), "scopes");
        refused(patch(manager, "{\"scopes\":[\"credentials:manage\"]}"), "scopes");
        refused(patch(manager, "{\"ipAllowlist\":[]}"), "ipAllowlist");
        refused(patch(manager, "{\"eventInterests\":[]}"), "eventInterests");
        refused(patch(manager, "{\"ttlDays\":null}"), "ttlDays");
        refused(patch(manager, "{\"ttlDays\":3650}"), "ttlDays");

        JsonObject unchanged = json(get("api/v1/credentials/" + manager.getString("id"), asBootstrap()));
        assertEquals(MANAGER_SCOPES, strings(unchanged, "scopes"));
        assertEquals(manager.get("expiresAt"), unchanged.get("expiresAt"));
        assertEquals(refusedRequests.size(), audited().size());
        // Its name and description are its own.
        assertEquals(
                200, patch(manager, "{\"description\":\"renamed by itself\"}").statusCode());
    }

    @Test
    void itCannotActOnAStrongerCredential() {
        String id = stronger.getString("id");

        refused(send("POST", "/" + id + "/pause", null), "audit:read");
        refused(send("POST", "/" + id + "/resume", null), "audit:read");
        refused(send("POST", "/" + id + "/revoke", null), "audit:read");
        refused(send("POST", "/" + id + "/rotate", null), "audit:read");
        refused(send("DELETE", "/" + id, null), "audit:read");
        refused(patch(stronger, "{\"description\":\"mine now\"}"), "audit:read");
        refused(patch(stronger, "{\"scopes\":[\"entries:read\"]}"), "audit:read");
        refused(send("GET", "/" + id, null), "audit:read");

        JsonObject unchanged = json(get("api/v1/credentials/" + id, asBootstrap()));
        assertEquals("active", unchanged.getString("status"));
        assertFalse(unchanged.containsKey("rotatedAt") && !unchanged.isNull("rotatedAt"), "not rotated");
        assertFalse(unchanged.getString("description", "").equals("mine now"));
        assertEquals(200, get("api/v1/auth/whoami", bearer(tokenFor(stronger))).statusCode(), "its secret still works");
        Map<String, JsonObject> records = audited();
        assertEquals(
                List.of(
                        "credential.pause",
                        "credential.resume",
                        "credential.revoke",
                        "credential.rotate",
                        "credential.delete",
                        "credential.update",
                        "credential.update",
                        "credential.read"),
                refusedRequests.stream()
                        .map(r -> records.get(r).getString("action"))
                        .toList());
        records.values().forEach(r -> assertEquals(id, r.getString("target")));
    }

    @Test
    void theListShowsOnlyWhatItMayManage() {
        List<String> listed = Api.listed(get("api/v1/credentials", asManager)).stream()
                .map(c -> c.getString("id"))
                .toList();

        assertTrue(listed.contains(weaker.getString("id")));
        assertTrue(listed.contains(manager.getString("id")), "itself");
        assertFalse(listed.contains(stronger.getString("id")), "a stronger credential is not shown");
    }

    @Test
    void aTokenNarrowedByScopeIsTheCeiling() {
        String[] narrowed = bearer(
                Api.token(manager.getString("clientId"), manager.getString("clientSecret"), "credentials:manage"));

        refused(
                Api.postJson(
                        "api/v1/credentials",
                        "{\"name\":\"n\",\"owner\":\"it\",\"scopes\":[\"entries:read\"]}",
                        Api.with(narrowed, "X-Request-Id", requestId())),
                "entries:read");
        refused(
                Api.send(
                        "POST",
                        "api/v1/credentials/" + weaker.getString("id") + "/pause",
                        BodyPublishers.noBody(),
                        Api.with(narrowed, "X-Request-Id", requestId())),
                "entries:read");
        assertEquals(2, audited().size());
    }

    @Test
    void aManagerBoundInAddressesAndTimeCannotMakeOrTakeOverATwinWithoutThoseBounds() {
        manager = createCredential("{\"name\":\"bounded manager\",\"owner\":\"it\",\"scopes\":"
                + "[\"credentials:manage\",\"entries:read\"],\"ipAllowlist\":[\"127.0.0.0/8\"],\"ttlDays\":2}");
        asManager = bearer(tokenFor(manager));
        String twin = "{\"name\":\"twin\",\"owner\":\"it\",\"scopes\":[\"credentials:manage\",\"entries:read\"]";

        refused(send("POST", "", twin + ",\"ttlDays\":1}"), "IP allowlist");
        refused(send("POST", "", twin + ",\"ipAllowlist\":[\"127.0.0.1\"],\"ttlDays\":3}"), "expire");
        refused(send("POST", "", twin + ",\"ipAllowlist\":[\"127.0.0.1\"]}"), "expire");
        refused(send("POST", "", twin + ",\"ipAllowlist\":[\"0.0.0.0/0\"],\"ttlDays\":1}"), "IP allowlist");
        // The unbounded weaker credential: rotating it would hand the manager a secret usable from anywhere.
        refused(send("POST", "/" + weaker.getString("id") + "/rotate", null), weaker.getString("id"));
        refused(patch(weaker, "{\"name\":\"renamed\"}"), weaker.getString("id"));

        HttpResponse<String> bounded = send("POST", "", twin + ",\"ipAllowlist\":[\"127.0.0.1\"],\"ttlDays\":1}");
        assertEquals(201, bounded.statusCode(), bounded.body());
        String id = json(bounded).getString("id");
        refused(send("PATCH", "/" + id, "{\"ttlDays\":null}"), "expire");
        refused(send("PATCH", "/" + id, "{\"ipAllowlist\":[]}"), "IP allowlist");
        assertEquals(200, send("POST", "/" + id + "/rotate", null).statusCode(), "within its bounds it acts");
        assertEquals(
                List.of("127.0.0.1/32"), strings(json(get("api/v1/credentials/" + id, asBootstrap())), "ipAllowlist"));
        audited();
    }

    @Test
    void withinItsScopesEverythingStillWorks() {
        HttpResponse<String> created =
                send("POST", "", "{\"name\":\"subset\",\"owner\":\"it\",\"scopes\":[\"entries:read\"]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(List.of("entries:read"), strings(json(created), "scopes"));

        String id = weaker.getString("id");
        assertEquals(200, send("POST", "/" + id + "/pause", null).statusCode());
        assertEquals(200, send("POST", "/" + id + "/resume", null).statusCode());
        assertEquals(200, send("POST", "/" + id + "/rotate", null).statusCode());
        assertEquals(200, send("GET", "/" + id, null).statusCode());
        HttpResponse<String> changed = patch(
                weaker,
                "{\"scopes\":[\"entries:read\",\"credentials:manage\"],\"ipAllowlist\":[\"127.0.0.1\"],"
                        + "\"eventInterests\":[\"entry.*\"],\"ttlDays\":30}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(List.of("entries:read", "credentials:manage"), strings(json(changed), "scopes"));
        assertEquals(200, send("POST", "/" + id + "/revoke", null).statusCode());
        assertEquals(204, send("DELETE", "/" + id, null).statusCode());
        assertEquals(
                200,
                send("POST", "/" + manager.getString("id") + "/rotate", null).statusCode(),
                "itself");
    }

    /** A call of the manager with a fresh request id, so its audit record can be found. */
    private HttpResponse<String> send(String method, String path, String json) {
        String[] headers = Api.with(asManager, "X-Request-Id", requestId());
        return json == null
                ? Api.send(method, "api/v1/credentials" + path, BodyPublishers.noBody(), headers)
                : Api.send(
                        method,
                        "api/v1/credentials" + path,
                        BodyPublishers.ofString(json),
                        Api.with(headers, "Content-Type", "application/json"));
    }

    private HttpResponse<String> patch(JsonObject credential, String json) {
        return send("PATCH", "/" + credential.getString("id"), json);
    }

    private static String requestId() {
        return "escalation-" + UUID.randomUUID();
    }

    /** Asserts the ceiling's refusal, naming what it refuses, and remembers the request to find its record. */
    private JsonObject refused(HttpResponse<String> response, String... named) {
        JsonObject problem = assertProblem(response, 403, "scope_denied");
        for (String scope : named) {
            assertTrue(problem.getString("detail").contains(scope), problem.getString("detail"));
        }
        refusedRequests.add(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }

    /** The audit records of the refused requests, read by a credential holding only {@code audit:read}. */
    private Map<String, JsonObject> audited() {
        String[] auditor = bearer(
                tokenFor(createCredential("{\"name\":\"auditor\",\"owner\":\"it\",\"scopes\":[\"audit:read\"]}")));
        assertEquals(
                200,
                Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), auditor)
                        .statusCode());
        List<JsonObject> records = json(
                        get("api/v1/audit?outcome=denied&limit=500&credentialId=" + manager.getString("id"), auditor))
                .getJsonArray("data")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> refusedRequests.contains(r.getString("requestId", "")))
                .toList();
        Map<String, JsonObject> byRequest =
                records.stream().collect(Collectors.toMap(r -> r.getString("requestId"), Function.identity()));
        assertEquals(refusedRequests.size(), records.size(), "one record per refusal: " + records);
        for (JsonObject record : records) {
            assertEquals("denied", record.getString("outcome"));
            assertEquals("scope_denied", record.getString("errorCode"));
            assertEquals("credential", record.getString("actorKind"));
            assertEquals(manager.getString("clientId"), record.getString("actorId"));
        }
        return byRequest;
    }

    private void assertAudited(String action, String target) {
        JsonObject record = audited().get(refusedRequests.get(0));
        assertEquals(action, record.getString("action"));
        assertEquals(
                target, record.containsKey("target") && !record.isNull("target") ? record.getString("target") : null);
    }

    private static List<String> scopesOf(JsonObject credential) {
        return strings(json(get("api/v1/credentials/" + credential.getString("id"), asBootstrap())), "scopes");
    }
}
