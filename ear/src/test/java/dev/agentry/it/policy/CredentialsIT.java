package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.strings;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Api.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The credential lifecycle through the management API, and its effect on the credential's tokens. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CredentialsIT {

    @Test
    void aCreatedCredentialShowsItsSecretOnceAndItsTokenSaysWhoItIs() {
        HttpResponse<String> created = postJson("api/v1/credentials", """
                {"name":"catalog sync","owner":"team-a","description":"nightly","scopes":["operations:run"],
                 "eventInterests":["entry.updated"],"ttlDays":30,"reminderDays":10,
                 "ipAllowlist":["127.0.0.1","::1"]}""", asBootstrap());

        assertEquals(201, created.statusCode(), created.body());
        JsonObject credential = json(created);
        String id = credential.getString("id");
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/credentials/" + id));
        assertTrue(credential.getString("clientSecret").startsWith("agy_"));
        assertEquals("active", credential.getString("status"));
        assertEquals(List.of("127.0.0.1/32", "0:0:0:0:0:0:0:1/128"), strings(credential, "ipAllowlist"));
        assertFalse(get("api/v1/credentials/" + id, asBootstrap()).body().contains("clientSecret"));
        assertFalse(get("api/v1/credentials", asBootstrap()).body().contains("agy_"), "no secret in the list");

        JsonObject whoami = json(get("api/v1/auth/whoami", bearer(tokenFor(credential))));
        assertEquals(id, whoami.getString("credentialId"));
        assertEquals(List.of("operations:run"), strings(whoami, "scopes"));
        assertEquals(List.of("entry.updated"), strings(whoami, "eventInterests"));
        assertEquals("127.0.0.1", whoami.getString("address"));
        assertTrue(whoami.getJsonObject("rateLimit").getInt("remaining") >= 0);
    }

    @Test
    void aBadCidrIsRefusedNamingTheEntryAndNothingIsCreated() {
        int before = count();

        JsonObject problem = assertProblem(
                postJson(
                        "api/v1/credentials",
                        "{\"name\":\"n\",\"owner\":\"o\",\"ipAllowlist\":[\"10.0.0.0/8\",\"10.0.0.0/33\"]}",
                        asBootstrap()),
                400,
                "validation_failed");

        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("ipAllowlist[1]", error.getString("field"));
        assertTrue(error.getString("message").contains("10.0.0.0/33"));
        assertEquals(before, count());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"owner\":\"o\"}",
                "{\"name\":\"n\",\"owner\":\"o\",\"scopes\":[\"root:all\"]}",
                "{\"name\":\"n\",\"owner\":\"o\",\"scopes\":\"operations:run\"}",
                "{\"name\":5,\"owner\":\"o\"}",
                "{\"name\":\"n\",\"owner\":\"o\",\"ttlDays\":0}",
                "{\"name\":\"n\",\"owner\":\"o\",\"ttlDays\":\"30\"}",
                "{\"name\":\"n\",\"owner\":\"o\",\"reminderDays\":400}",
                "{\"name\":\"n\",\"owner\":\"o\",\"secret\":\"agy_mine\"}",
                "{\"name\":\"n\",\"owner\":\"o\",\"eventInterests\":[\"Not An Event\"]}",
                "[\"name\"]",
                "\"text\"",
                "",
                "null",
                "{\"name\":\"n\",\"owner\":\"o\",\"scopes\":[\"operations:run\",5]}",
                "{\"name\":\"n\",\"owner\":\"o\",\"ttlDaysGiven\":true}",
                "{\"name\":\"n\",\"owner\":\"o\",\"ttlDays\":99999999999}"
            })
    void everyInvalidFieldIsAFieldErrorAndNothingIsCreated(String body) {
        int before = count();

        JsonObject problem =
                assertProblem(postJson("api/v1/credentials", body, asBootstrap()), 400, "validation_failed");

        assertFalse(problem.getJsonArray("errors").isEmpty());
        assertEquals(before, count());
    }

    @Test
    void wrongTypesUnknownFieldsAndBrokenRulesAreNamedTogether() {
        JsonObject problem = assertProblem(
                postJson(
                        "api/v1/credentials",
                        "{\"name\":5,\"owner\":\" \",\"scopes\":[\"operations:run\",7,\"root:all\"],\"extra\":{}}",
                        asBootstrap()),
                400,
                "validation_failed");

        assertEquals(
                List.of(
                        "extra:unknown_field",
                        "name:not_a_string",
                        "scopes[1]:not_a_string",
                        "owner:required",
                        "scopes[2]:unknown_scope"),
                problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field") + ":"
                                + e.asJsonObject().getString("code"))
                        .toList());
    }

    @Test
    void anEmptyOrMalformedBodyIsNamedAsTheBody() {
        JsonObject empty = assertProblem(postJson("api/v1/credentials", "", asBootstrap()), 400, "validation_failed");
        assertEquals("body", empty.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("required", empty.getJsonArray("errors").getJsonObject(0).getString("code"));

        JsonObject malformed =
                assertProblem(postJson("api/v1/credentials", "{\"name\": ", asBootstrap()), 400, "validation_failed");
        assertEquals(
                "malformed_json",
                malformed.getJsonArray("errors").getJsonObject(0).getString("code"));
        assertFalse(malformed.toString().contains("Exception"), malformed.toString());
    }

    @Test
    void malformedAndOversizedJsonIsRefusedOnEveryWritingRoute() {
        String id = createCredential("{\"name\":\"target\",\"owner\":\"it\"}").getString("id");
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(postJson("api/v1/credentials", "{\"name\":", asBootstrap()), 400, "validation_failed");
        assertProblem(patch(id, "{\"name\":"), 400, "validation_failed");
        assertProblem(postJson("api/v1/credentials", big, asBootstrap()), 413, "payload_too_large");
        assertProblem(patch(id, big), 413, "payload_too_large");
        assertEquals(
                "target", json(get("api/v1/credentials/" + id, asBootstrap())).getString("name"));
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndNullTtlMeansNever() {
        JsonObject credential =
                createCredential("{\"name\":\"p\",\"owner\":\"it\",\"ttlDays\":5,\"scopes\":[\"audit:read\"]}");
        String id = credential.getString("id");

        JsonObject changed = json(patch(id, "{\"description\":\"now documented\",\"ttlDays\":null}"));

        assertEquals("now documented", changed.getString("description"));
        assertEquals("p", changed.getString("name"));
        assertEquals(List.of("audit:read"), strings(changed, "scopes"));
        assertTrue(!changed.containsKey("expiresAt") || changed.isNull("expiresAt"));
        assertTrue(changed.getBoolean("neverExpires"));
    }

    @Test
    void pauseResumeAndRevokeTakeEffectOnExistingTokens() {
        JsonObject credential = createCredential("{\"name\":\"lifecycle\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String[] token = bearer(tokenFor(credential));
        assertEquals(200, get("api/v1/auth/whoami", token).statusCode());

        action(id, "pause");
        assertProblem(get("api/v1/auth/whoami", token), 403, "credential_paused");
        assertEquals(
                401,
                tokenRequest(credential.getString("clientId"), credential.getString("clientSecret"), null)
                        .statusCode());

        action(id, "resume");
        assertEquals(200, get("api/v1/auth/whoami", token).statusCode());

        action(id, "revoke");
        assertProblem(get("api/v1/auth/whoami", token), 403, "credential_revoked");
        assertProblem(
                Api.send("POST", "api/v1/credentials/" + id + "/resume", BodyPublishers.noBody(), asBootstrap()),
                409,
                "conflict");
        assertEquals(
                "revoked", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));
    }

    @Test
    void aDeletedCredentialsTokensStopWorking() {
        JsonObject credential = createCredential("{\"name\":\"deleted\",\"owner\":\"it\"}");
        String[] token = bearer(tokenFor(credential));

        assertEquals(
                204,
                Api.send(
                                "DELETE",
                                "api/v1/credentials/" + credential.getString("id"),
                                BodyPublishers.noBody(),
                                asBootstrap())
                        .statusCode());

        assertProblem(get("api/v1/auth/whoami", token), 401, "auth_invalid");
        assertProblem(get("api/v1/credentials/" + credential.getString("id"), asBootstrap()), 404, "not_found");
    }

    @Test
    void rotationIssuesANewSecretAndTheOldOneWorksDuringTheOverlap() {
        JsonObject credential = createCredential("{\"name\":\"rotating\",\"owner\":\"it\"}");
        String oldSecret = credential.getString("clientSecret");

        JsonObject rotated = json(Api.send(
                "POST",
                "api/v1/credentials/" + credential.getString("id") + "/rotate",
                BodyPublishers.noBody(),
                asBootstrap()));

        String newSecret = rotated.getString("clientSecret");
        assertNotEquals(oldSecret, newSecret);
        assertTrue(rotated.containsKey("previousSecretValidUntil"));
        assertEquals(
                200,
                tokenRequest(credential.getString("clientId"), newSecret, null).statusCode());
        assertEquals(
                200,
                tokenRequest(credential.getString("clientId"), oldSecret, null).statusCode());
        // After the 24 h overlap only the new secret works.
        Api.shiftClock(25 * 3600);
        try {
            assertEquals(
                    401,
                    tokenRequest(credential.getString("clientId"), oldSecret, null)
                            .statusCode());
            assertEquals(
                    200,
                    tokenRequest(credential.getString("clientId"), newSecret, null)
                            .statusCode());
        } finally {
            Api.shiftClock(0);
        }
    }

    @Test
    void anExpiredCredentialIsRefusedAndSaysSo() {
        JsonObject credential =
                createCredential("{\"name\":\"expiring\",\"owner\":\"it\",\"ttlDays\":1,\"reminderDays\":2}");
        assertTrue(credential.getBoolean("expiringSoon"), "inside its reminder window from the start");
        String[] token = bearer(tokenFor(credential));

        Api.shiftClock(2 * 24 * 3600);
        try {
            assertProblem(get("api/v1/auth/whoami", token), 403, "credential_expired");
            assertEquals(
                    "expired",
                    json(get("api/v1/credentials/" + credential.getString("id"), asBootstrap()))
                            .getString("status"));
            assertEquals(
                    401,
                    tokenRequest(credential.getString("clientId"), credential.getString("clientSecret"), null)
                            .statusCode());
        } finally {
            Api.shiftClock(0);
        }
    }

    @Test
    void theAllowlistIsEnforcedAndForwardedForFromAnUntrustedPeerIsIgnored() {
        JsonObject credential =
                createCredential("{\"name\":\"fenced\",\"owner\":\"it\",\"ipAllowlist\":[\"127.0.0.1\"]}");
        String[] token = bearer(tokenFor(credential));
        assertEquals(200, get("api/v1/auth/whoami", token).statusCode());

        patch(credential.getString("id"), "{\"ipAllowlist\":[\"10.0.0.0/8\"]}");

        assertProblem(get("api/v1/auth/whoami", token), 403, "ip_not_allowed");
        assertProblem(get("api/v1/auth/whoami", Api.with(token, "X-Forwarded-For", "10.1.2.3")), 403, "ip_not_allowed");
        assertEquals(
                401,
                tokenRequest(credential.getString("clientId"), credential.getString("clientSecret"), null)
                        .statusCode());
    }

    @Test
    void anIpv4MappedRuleMatchesAnIpv4Caller() {
        JsonObject credential =
                createCredential("{\"name\":\"mapped\",\"owner\":\"it\",\"ipAllowlist\":[\"::ffff:127.0.0.0/104\"]}");

        assertEquals(List.of("127.0.0.0/8"), strings(credential, "ipAllowlist"));
        assertEquals(
                200, get("api/v1/auth/whoami", bearer(tokenFor(credential))).statusCode());
    }

    @Test
    void aWithdrawnScopeIsRefusedAtOnceEvenWithAnOlderToken() {
        JsonObject credential =
                createCredential("{\"name\":\"scoped\",\"owner\":\"it\",\"scopes\":[\"operations:run\"]}");
        String[] token = bearer(tokenFor(credential));
        assertEquals(200, get("api/v1/diagnostics", token).statusCode());

        patch(credential.getString("id"), "{\"scopes\":[]}");

        assertProblem(get("api/v1/diagnostics", token), 403, "scope_denied");
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterAndHeaders() {
        String[] token = bearer(tokenFor(createCredential("{\"name\":\"busy\",\"owner\":\"it\"}")));
        HttpResponse<String> last = null;
        HttpResponse<String> limited = null;
        // The window is a minute; two windows' worth of requests always cross a limit.
        for (int i = 0; i < 1300 && limited == null; i++) {
            HttpResponse<String> response = get("api/v1/auth/whoami", token);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                last = response;
            }
        }

        assertTrue(limited != null, "a 429 came");
        assertProblem(limited, 429, "rate_limited");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals("600", last.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("0", last.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }

    @Test
    void anUnknownCredentialIsNotFound() {
        assertProblem(get("api/v1/credentials/00000000-0000-0000-0000-000000000000", asBootstrap()), 404, "not_found");
        assertProblem(
                Api.send("POST", "api/v1/credentials/nope/pause", BodyPublishers.noBody(), asBootstrap()),
                404,
                "not_found");
    }

    @Test
    void aCredentialCanBeChangedWhileItsExpiryReminderIsMarked() {
        // One day to live is inside the reminder window: the reminder (every second on this server) marks
        // it while the changes below go on; none of them may fail on that mark.
        JsonObject credential = createCredential(
                "{\"name\":\"short-lived\",\"owner\":\"it\",\"scopes\":[\"entries:read\"],\"ttlDays\":1}");
        String id = credential.getString("id");
        Eventually.await(
                "the expiry reminder marked while the credential is being changed",
                Duration.ofSeconds(20),
                () -> {
                    HttpResponse<String> rotated = Api.send(
                            "POST", "api/v1/credentials/" + id + "/rotate", BodyPublishers.noBody(), asBootstrap());
                    assertEquals(200, rotated.statusCode(), rotated.body());
                    HttpResponse<String> renamed = patch(id, "{\"description\":\"renamed " + System.nanoTime() + "\"}");
                    assertEquals(200, renamed.statusCode(), renamed.body());
                    return json(get("api/v1/audit?action=credential.expiring&limit=500", asBootstrap()))
                            .getJsonArray("data")
                            .getValuesAs(JsonObject.class);
                },
                records -> records.stream().anyMatch(r -> id.equals(r.getString("target", null))));
        assertEquals(
                1,
                json(get("api/v1/audit?action=credential.expiring&limit=500", asBootstrap()))
                        .getJsonArray("data")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(r -> id.equals(r.getString("target", null)))
                        .count(),
                "reminded once");
    }

    private static HttpResponse<String> patch(String id, String json) {
        return Api.send(
                "PATCH",
                "api/v1/credentials/" + id,
                BodyPublishers.ofString(json),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
    }

    private static void action(String id, String action) {
        HttpResponse<String> response =
                Api.send("POST", "api/v1/credentials/" + id + "/" + action, BodyPublishers.noBody(), asBootstrap());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static int count() {
        return Api.listed(get("api/v1/credentials", asBootstrap())).size();
    }
}
