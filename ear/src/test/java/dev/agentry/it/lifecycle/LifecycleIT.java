package dev.agentry.it.lifecycle;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/v1/lifecycle: deprecations with their headers, flags, and each credential's risks (SPEC section 6). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifecycleIT {

    private static final long DAY = 86_400;

    @AfterEach
    void clockBack() {
        Api.shiftClock(0);
    }

    @Test
    void aDeprecatedRouteAnswersWithDeprecationAndSunsetHeadersAndIsListed() {
        HttpResponse<String> me = get("api/v1/auth/me", asBootstrap());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(
                json(get("api/v1/auth/whoami", asBootstrap())).getString("credentialId"),
                json(me).getString("credentialId"));
        assertEquals("@1796256000", me.headers().firstValue("Deprecation").orElseThrow());
        assertEquals(
                "Wed, 30 Jun 2027 00:00:00 GMT",
                me.headers().firstValue("Sunset").orElseThrow());
        assertTrue(
                me.headers().allValues("Link").contains("</api/v1/auth/whoami>; rel=\"successor-version\""),
                me.headers().toString());
        // Also on a refusal: whoever calls it learns it is going away.
        assertTrue(get("api/v1/auth/me").headers().firstValue("Sunset").isPresent());
        assertFalse(get("api/v1/auth/whoami", asBootstrap())
                .headers()
                .firstValue("Deprecation")
                .isPresent());

        JsonObject lifecycle = json(get("api/v1/lifecycle", asBootstrap()));
        assertEquals("v1", lifecycle.getString("apiVersion"));
        JsonObject deprecation = lifecycle.getJsonArray("deprecations").getJsonObject(0);
        assertEquals("/auth/me", deprecation.getString("path"));
        assertEquals("2027-06-30T00:00:00Z", deprecation.getString("sunsetAt"));
        assertEquals("/auth/whoami", deprecation.getString("successor"));
        JsonObject flag = lifecycle.getJsonArray("flags").getJsonObject(0);
        assertEquals("governed-writes", flag.getString("name"));
        assertEquals("agentry.writes.experimental", flag.getString("configKey"));
        // The suite's server runs with governed writes on (arquillian.xml): the flag says what is in force.
        assertTrue(flag.getBoolean("enabled"));
    }

    @Test
    void eachRiskAppearsWithItsSeverityAndActionAndOnlyWithinTheReadersCeiling() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject idle = createCredential("{\"name\":\"idle-" + tag + "\",\"owner\":\"it\",\"scopes\":[\"tags:read\"],"
                + "\"ttlDays\":365,\"ipAllowlist\":[\"127.0.0.1\",\"::1\"]}");
        JsonObject forever = createCredential("{\"name\":\"forever-" + tag + "\",\"owner\":\"it\","
                + "\"scopes\":[\"credentials:manage\",\"tags:read\"],\"ttlDays\":null}");
        JsonObject paused = createCredential(
                "{\"name\":\"paused-" + tag + "\",\"owner\":\"it\",\"scopes\":[\"tags:read\"],\"ttlDays\":365}");
        action(paused, "pause");
        JsonObject revoked = createCredential(
                "{\"name\":\"revoked-" + tag + "\",\"owner\":\"it\",\"scopes\":[\"tags:read\"],\"ttlDays\":365}");
        String revokedToken = Api.tokenFor(revoked);
        action(revoked, "revoke");
        assertProblem(get("api/v1/tags", bearer(revokedToken)), 403, "credential_revoked");
        String[] reader = bearer(Api.tokenFor(createCredential("{\"name\":\"reader-" + tag + "\",\"owner\":\"it\","
                + "\"scopes\":[\"lifecycle:read\",\"tags:read\"],\"ttlDays\":365}")));

        Map<String, String> now = risksOf(asBootstrap(), tag);
        assertEquals("warn", now.get("forever:no_expiry"), now.toString());
        assertEquals("warn", now.get("forever:allowlist_empty"), now.toString());
        assertEquals("warn", now.get("paused:paused"), now.toString());
        assertEquals("critical", now.get("revoked:revoked_in_use"), now.toString());
        assertFalse(now.keySet().stream().anyMatch(k -> k.startsWith("idle:")), now.toString());

        // The reader holds lifecycle:read and tags:read: credentials:manage is beyond its ceiling.
        Map<String, String> ceiling = risksOf(reader, tag);
        assertTrue(ceiling.containsKey("paused:paused"), ceiling.toString());
        assertFalse(ceiling.keySet().stream().anyMatch(k -> k.startsWith("forever:")), ceiling.toString());

        Api.shiftClock(31 * DAY);
        assertEquals("warn", risksOf(asBootstrap(), tag).get("idle:never_used"));
        Api.shiftClock(46 * DAY);
        Map<String, String> due = risksOf(asBootstrap(), tag);
        assertEquals("warn", due.get("idle:rotation_due"), due.toString());
        Api.shiftClock(121 * DAY);
        Map<String, String> overdue = risksOf(asBootstrap(), tag);
        assertEquals("critical", overdue.get("idle:never_used"), overdue.toString());
        assertEquals("critical", overdue.get("idle:rotation_overdue"), overdue.toString());
        assertFalse(overdue.containsKey("idle:rotation_due"));
        Api.shiftClock(0);

        HttpResponse<String> rotated = Api.send(
                "POST",
                "api/v1/credentials/" + idle.getString("id") + "/rotate",
                BodyPublishers.noBody(),
                asBootstrap());
        assertEquals(200, rotated.statusCode(), rotated.body());
        Api.shiftClock(46 * DAY);
        assertEquals(
                "warn", risksOf(asBootstrap(), tag).get("idle:rotation_due"), "a rotation restarts the secret's age");
    }

    @Test
    void noRiskCarriesASecretAnOwnerOrAnAddress() {
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        JsonObject credential =
                createCredential("{\"name\":\"lifecycle canary\",\"owner\":\"" + canary + "@example.com\","
                        + "\"description\":\"" + canary
                        + "\",\"scopes\":[\"lifecycle:read\",\"credentials:manage\"],\"ttlDays\":null,"
                        + "\"ipAllowlist\":[\"127.0.0.1\",\"::1\",\"203.0.113.7\"]}");
        String token = Api.tokenFor(credential);
        String body = get("api/v1/lifecycle", bearer(token)).body();
        assertTrue(body.contains(credential.getString("id")), body);
        for (String secret : List.of(
                canary,
                credential.getString("clientSecret"),
                token,
                "agy_",
                "@example.com",
                "203.0.113.7",
                "127.0.0.1")) {
            assertFalse(body.contains(secret), () -> "the lifecycle answer contains '" + secret + "'");
        }
    }

    private static void action(JsonObject credential, String action) {
        HttpResponse<String> done = Api.send(
                "POST",
                "api/v1/credentials/" + credential.getString("id") + "/" + action,
                BodyPublishers.noBody(),
                asBootstrap());
        assertEquals(200, done.statusCode(), done.body());
    }

    /** {@code <name prefix>:<risk>} to severity, for the credentials this test named with {@code tag}. */
    private static Map<String, String> risksOf(String[] reader, String tag) {
        HttpResponse<String> answer = get("api/v1/lifecycle", reader);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> found = new TreeMap<>();
        json(answer).getJsonArray("risks").stream()
                .map(r -> r.asJsonObject())
                .filter(r -> r.getString("name").endsWith("-" + tag))
                .forEach(r -> {
                    assertFalse(r.getString("action").isBlank());
                    found.put(
                            r.getString("name").replace("-" + tag, "") + ":" + r.getString("risk"),
                            r.getString("severity"));
                });
        return found;
    }
}
