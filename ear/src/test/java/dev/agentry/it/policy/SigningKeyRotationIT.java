package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing-key rotation: the successor is published before it signs, the old key keeps verifying the
 * tokens it signed, and tokens signed by the successor are accepted. The test server announces keys
 * 4 s ahead and its verifier refetches the JWKS for any unknown kid; production announces 90 s ahead,
 * longer than its verifier's one-minute limit on such refetches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SigningKeyRotationIT {

    @Test
    void rotationPublishesFirstSignsLaterAndNeverBreaksATokenInFlight() throws Exception {
        JsonObject credential =
                createCredential("{\"name\":\"rotation\",\"owner\":\"it\",\"scopes\":[\"operations:run\"]}");
        String before = Api.tokenFor(credential);
        assertEquals(200, get("api/v1/auth/whoami", bearer(before)).statusCode());

        HttpResponse<String> rotated = rotate();
        assertEquals(200, rotated.statusCode(), rotated.body());
        JsonObject rotation = json(rotated);
        String successor = rotation.getString("kid");
        String predecessor = rotation.getString("succeeds");
        assertEquals(predecessor, kid(before));
        assertEquals(successor, json(rotate()).getString("kid"), "asking again returns the announced key");

        List<String> published = json(get("api/v1/auth/jwks")).getJsonArray("keys").stream()
                .map(k -> k.asJsonObject().getString("kid"))
                .toList();
        assertTrue(published.containsAll(List.of(predecessor, successor)), published.toString());
        assertEquals(predecessor, kid(Api.tokenFor(credential)), "the announced key does not sign yet");
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + before.split("\\.")[1] + ".";
        Api.assertProblem(get("api/v1/auth/whoami", bearer(unsigned)), 401, "auth_invalid");
        assertEquals("announced", state(successor));

        Instant signsFrom = Instant.parse(rotation.getString("signsFrom"));
        String after = Eventually.await(
                "the successor signing (from " + signsFrom + ")",
                Duration.between(Instant.now(), signsFrom).plusSeconds(30),
                () -> Api.tokenFor(credential),
                token -> kid(token).equals(successor));
        assertFalse(Instant.now().isBefore(signsFrom), "not before its time");
        assertEquals("signing", state(successor));
        assertEquals("retired", state(predecessor));
        assertEquals(200, get("api/v1/auth/whoami", bearer(before)).statusCode(), "old tokens live out their time");
        assertEquals(200, get("api/v1/auth/whoami", bearer(after)).statusCode(), "the new key's tokens get in");
    }

    @Test
    void theKeyListShowsNoKeyMaterialAndNeedsCredentialsManage() {
        HttpResponse<String> response = get("api/v1/auth/signing-keys", asBootstrap());
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("privateKey") || response.body().contains("\"d\""), response.body());

        JsonObject reader = createCredential("{\"name\":\"no-manage\",\"owner\":\"it\",\"scopes\":[\"audit:read\"]}");
        Api.assertProblem(
                send("POST", "api/v1/auth/signing-keys/rotate", BodyPublishers.noBody(), bearer(Api.tokenFor(reader))),
                403,
                "scope_denied");
    }

    private static HttpResponse<String> rotate() {
        return send("POST", "api/v1/auth/signing-keys/rotate", BodyPublishers.noBody(), asBootstrap());
    }

    private static String state(String kid) {
        return keyList().stream()
                .filter(k -> k.getString("kid").equals(kid))
                .map(k -> k.getString("state"))
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonObject> keyList() {
        return Api.listed(get("api/v1/auth/signing-keys", asBootstrap()));
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return Api.structure(header).asJsonObject().getString("kid");
    }
}
