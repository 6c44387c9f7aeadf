package dev.agentry.it.audit;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.fieldErrors;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail: one record per call or action, chained, verifiable, tamper-evident. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

    @Test
    void aCallByACredentialIsRecordedOnceWithItsRequestId() {
        JsonObject credential = createCredential("{\"name\":\"audited\",\"owner\":\"it\"}");
        HttpResponse<String> call = get(
                "api/v1/auth/whoami",
                Api.with(bearer(Api.tokenFor(credential)), "X-Request-Id", "audit-" + credential.getString("id")));

        List<JsonObject> records = recordsOf(credential.getString("id"));

        List<JsonObject> calls = records.stream()
                .filter(r -> r.getString("requestId", "").equals("audit-" + credential.getString("id")))
                .toList();
        assertEquals(1, calls.size(), records.toString());
        JsonObject record = calls.get(0);
        assertEquals("GET /api/v1/auth/whoami", record.getString("action"));
        assertEquals("success", record.getString("outcome"));
        assertEquals("credential", record.getString("actorKind"));
        assertEquals(credential.getString("clientId"), record.getString("actorId"));
        assertEquals("127.0.0.1", record.getString("address"));
        assertEquals(200, call.statusCode());
        assertTrue(
                records.stream().anyMatch(r -> r.getString("action").equals("token.issue")),
                "the token issue is recorded");
    }

    @Test
    void aManagementActionIsOneRecordWrittenWithItsEffect() {
        // The page is oldest first: narrowed to this action and this minute, so that however many
        // credential records the suite wrote before, this one is on the first page.
        String since = URLEncoder.encode(Instant.now().minusSeconds(60).toString(), StandardCharsets.UTF_8);
        JsonObject credential = createCredential("{\"name\":\"acted on\",\"owner\":\"it\"}");
        String id = credential.getString("id");

        HttpResponse<String> paused = Api.send(
                "POST",
                "api/v1/credentials/" + id + "/pause",
                BodyPublishers.noBody(),
                Api.with(asBootstrap(), "X-Request-Id", "pause-" + id));
        assertEquals(200, paused.statusCode());

        List<JsonObject> ofRequest = page("action=credential.pause&since=" + since + "&limit=500").stream()
                .filter(r -> r.getString("requestId", "").equals("pause-" + id))
                .toList();
        assertEquals(1, ofRequest.size(), ofRequest.toString());
        assertEquals("credential.pause", ofRequest.get(0).getString("action"));
        assertEquals(id, ofRequest.get(0).getString("target"));
        assertEquals("credentials:manage", ofRequest.get(0).getString("scope"));
    }

    @Test
    void refusalsAreRecordedWithTheirCode() {
        JsonObject credential = createCredential("{\"name\":\"refused\",\"owner\":\"it\"}");

        assertProblem(get("api/v1/credentials", bearer(Api.tokenFor(credential))), 403, "scope_denied");

        JsonObject denied = recordsOf(credential.getString("id")).stream()
                .filter(r -> r.getString("outcome").equals("denied"))
                .findFirst()
                .orElseThrow();
        assertEquals("GET /api/v1/credentials", denied.getString("action"));
        assertEquals("scope_denied", denied.getString("errorCode"));
    }

    @Test
    void theChainVerifiesAndATamperedRecordIsNamed() {
        createCredential("{\"name\":\"for the chain\",\"owner\":\"it\"}");
        JsonObject verdict = verify();
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
        long checked = verdict.getJsonNumber("checked").longValue();
        assertTrue(checked > 0);
        // The chain begins after the anchor where an audit horizon removed the oldest records (RetentionIT).
        long first = AuditRecords.firstSequence();
        long victim = first + checked / 2;

        String old = Api.send(
                        "PUT", "api/v1/_probe/audit/" + victim + "/outcome/success-forged", BodyPublishers.noBody())
                .body();
        try {
            JsonObject broken = verify();
            assertFalse(broken.getBoolean("valid"));
            assertEquals(victim, broken.getJsonNumber("firstBrokenSequence").longValue());
            assertEquals(victim - first, broken.getJsonNumber("checked").longValue());
        } finally {
            Api.send("PUT", "api/v1/_probe/audit/" + victim + "/outcome/" + old, BodyPublishers.noBody());
        }
        assertTrue(verify().getBoolean("valid"), "restoring the record restores the chain");
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        verify();
        JsonObject first = json(get("api/v1/audit?limit=2", asBootstrap()));
        assertTrue(first.getBoolean("hasMore"));
        JsonObject second = json(get("api/v1/audit?limit=2&cursor=" + first.getString("nextCursor"), asBootstrap()));

        long lastOfFirst = first.getJsonArray("data")
                .getJsonObject(1)
                .getJsonNumber("sequence")
                .longValue();
        long firstOfSecond = second.getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("sequence")
                .longValue();
        assertEquals(lastOfFirst + 1, firstOfSecond);
    }

    @Test
    void badQueriesAreRefused() {
        assertProblem(get("api/v1/audit?cursor=forged", asBootstrap()), 400, "cursor_invalid");
        assertProblem(get("api/v1/audit?since=yesterday", asBootstrap()), 400, "validation_failed");
        assertEquals(Set.of("outcome:invalid"), fieldErrors(get("api/v1/audit?outcome=maybe", asBootstrap())));
        assertProblem(get("api/v1/audit?limit=0", asBootstrap()), 400, "validation_failed");
    }

    @Test
    void theCursorIsSealedAndBoundToItsFilters() {
        verify();
        String cursor = json(get("api/v1/audit?limit=2", asBootstrap())).getString("nextCursor");
        String payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String forgedOldFormat =
                Base64.getUrlEncoder().withoutPadding().encodeToString("a1:1".getBytes(StandardCharsets.UTF_8));
        // The position moved, the seal kept: what someone steering the cursor would try.
        String moved = payload.replaceFirst("\\|(\\d+)~", "|1$1~");
        assertNotEquals(payload, moved);
        String tampered =
                Base64.getUrlEncoder().withoutPadding().encodeToString(moved.getBytes(StandardCharsets.UTF_8));
        String changesCursor =
                json(get("api/v1/changes?limit=1", asBootstrap())).getString("nextCursor");

        for (String forged :
                List.of(forgedOldFormat, tampered, changesCursor, cursor.substring(0, cursor.length() - 2))) {
            assertProblem(
                    get(
                            "api/v1/audit?limit=2&cursor=" + URLEncoder.encode(forged, StandardCharsets.UTF_8),
                            asBootstrap()),
                    400,
                    "cursor_invalid");
        }
        assertProblem(
                get("api/v1/audit?limit=2&outcome=denied&cursor=" + cursor, asBootstrap()), 400, "cursor_invalid");
        assertEquals(
                200, get("api/v1/audit?limit=5&cursor=" + cursor, asBootstrap()).statusCode(), "the limit may change");
    }

    @Test
    void noRecordHoldsATokenOrASecret() {
        JsonObject credential = createCredential("{\"name\":\"secretive\",\"owner\":\"it\"}");
        String token = Api.tokenFor(credential);
        get("api/v1/auth/whoami", bearer(token));
        verify();

        String trail = get("api/v1/audit?limit=500&credentialId=" + credential.getString("id"), asBootstrap())
                .body();

        assertNotEquals("", trail);
        assertFalse(trail.contains(credential.getString("clientSecret")));
        assertFalse(trail.contains(token));
        assertFalse(trail.contains("Bearer"));
    }

    private static JsonObject verify() {
        HttpResponse<String> response = Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static List<JsonObject> recordsOf(String credentialId) {
        verify(); // chains what is pending
        return page("credentialId=" + credentialId + "&limit=500");
    }

    private static List<JsonObject> page(String query) {
        verify();
        return json(get("api/v1/audit?" + query, asBootstrap())).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }
}
