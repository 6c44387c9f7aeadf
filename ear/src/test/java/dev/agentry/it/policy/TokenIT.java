package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.bootstrapCredential;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/auth/token: OAuth 2.0 client credentials and its RFC 6749 errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenIT {

    @Test
    void theBootstrapCredentialIsInAServerOnlyFileAndObtainsATokenWithEveryScope() throws Exception {
        Path file = Path.of(System.getProperty("it.data-dir"), "agentry", "bootstrap-credential.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonObject credential = bootstrapCredential();

        HttpResponse<String> response =
                tokenRequest(credential.getString("client_id"), credential.getString("client_secret"), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
        JsonObject token = json(response);
        assertEquals("Bearer", token.getString("token_type"));
        assertTrue(token.getInt("expires_in") > 0 && token.getInt("expires_in") <= 900);
        assertTrue(
                List.of(token.getString("scope").split(" ")).containsAll(List.of("credentials:manage", "audit:read")));
    }

    @Test
    void theTokenIsAnRs256JwtWithTheContractsClaimsAndAPublishedKey() {
        JsonObject credential =
                createCredential("{\"name\":\"claims\",\"owner\":\"it\",\"scopes\":[\"operations:run\"]}");
        String[] parts = Api.tokenFor(credential).split("\\.");

        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("at+jwt", header.getString("typ"));
        assertEquals(Api.issuer(), claims.getString("iss"));
        assertEquals(credential.getString("clientId"), claims.getString("client_id"));
        assertEquals("agentry-api", claims.getString("aud"));
        assertEquals(credential.getString("id"), claims.getString("cid"));
        assertEquals(
                List.of("operations:run"),
                claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue()
                <= 900);
        assertTrue(!claims.getString("jti").isBlank());
        List<String> kids = json(get("api/v1/auth/jwks")).getJsonArray("keys").stream()
                .map(JsonValue::asJsonObject)
                .map(k -> k.getString("kid"))
                .toList();
        assertTrue(kids.contains(header.getString("kid")));
    }

    @Test
    void theJwksHoldsPublicKeysOnly() {
        JsonObject key = json(get("api/v1/auth/jwks")).getJsonArray("keys").getJsonObject(0);

        assertEquals("RSA", key.getString("kty"));
        assertEquals("sig", key.getString("use"));
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertTrue(!key.containsKey(privatePart), privatePart + " must not be published");
        }
    }

    @Test
    void httpBasicWorksAndBothPlacesAtOnceIsRefused() {
        JsonObject credential = bootstrapCredential();
        String basic = Base64.getEncoder()
                .encodeToString((credential.getString("client_id") + ":" + credential.getString("client_secret"))
                        .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> viaBasic = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("grant_type=client_credentials"),
                "Authorization",
                "Basic " + basic,
                "Content-Type",
                "application/x-www-form-urlencoded");
        HttpResponse<String> both = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("grant_type=client_credentials&client_id=x&client_secret=y"),
                "Authorization",
                "Basic " + basic,
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertEquals(200, viaBasic.statusCode(), viaBasic.body());
        assertOAuthError(both, 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "agy_",
                "not-a-secret",
                "agy_0000000000000000000000000000000000000000000000000",
                "ghp_0000000000000000000000000000000000000000000000000"
            })
    void malformedAndLookAlikeSecretsAreInvalidClient(String secret) {
        assertOAuthError(
                tokenRequest(bootstrapCredential().getString("client_id"), secret, null), 401, "invalid_client");
    }

    @Test
    void aSecretWithAWrongChecksumOrOfAnotherCredentialIsInvalidClient() {
        JsonObject bootstrap = bootstrapCredential();
        String secret = bootstrap.getString("client_secret");
        String typo = secret.substring(0, 10) + (secret.charAt(10) == 'a' ? 'b' : 'a') + secret.substring(11);
        JsonObject other = createCredential("{\"name\":\"other\",\"owner\":\"it\"}");

        HttpResponse<String> response = tokenRequest(bootstrap.getString("client_id"), typo, null);
        assertOAuthError(response, 401, "invalid_client");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertOAuthError(
                tokenRequest(bootstrap.getString("client_id"), other.getString("clientSecret"), null),
                401,
                "invalid_client");
        assertOAuthError(tokenRequest("agc_nobody", secret, null), 401, "invalid_client");
    }

    @Test
    void onlyTheClientCredentialsGrantIsSupported() {
        HttpResponse<String> response = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("grant_type=password&username=a&password=b"),
                "Content-Type",
                "application/x-www-form-urlencoded");
        HttpResponse<String> missing = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("client_id=a"),
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertOAuthError(response, 400, "unsupported_grant_type");
        assertOAuthError(missing, 400, "invalid_request");
    }

    @Test
    void theScopeParameterNarrowsButNeverEscalates() {
        JsonObject credential = createCredential(
                "{\"name\":\"narrow\",\"owner\":\"it\",\"scopes\":[\"operations:run\",\"audit:read\"]}");
        String id = credential.getString("clientId");
        String secret = credential.getString("clientSecret");

        assertOAuthError(tokenRequest(id, secret, "operations:run credentials:manage"), 400, "invalid_scope");
        assertOAuthError(tokenRequest(id, secret, "control:actions:execute"), 400, "invalid_scope");
        HttpResponse<String> narrowed = tokenRequest(id, secret, "audit:read");
        assertEquals(200, narrowed.statusCode());
        assertEquals("audit:read", json(narrowed).getString("scope"));
        String token = json(narrowed).getString("access_token");
        Api.assertProblem(get("api/v1/diagnostics", bearer(token)), 403, "scope_denied");
    }

    @Test
    void aTokenNeverOutlivesItsCredential() {
        JsonObject credential = createCredential("{\"name\":\"short\",\"owner\":\"it\",\"ttlDays\":1}");
        // Five minutes before the credential expires, a token may live five minutes at most.
        Api.shiftClock(24 * 3600 - 300);
        try {
            JsonObject token =
                    json(tokenRequest(credential.getString("clientId"), credential.getString("clientSecret"), null));
            assertTrue(token.getInt("expires_in") <= 300, token.toString());
        } finally {
            Api.shiftClock(0);
        }
    }

    @Test
    void aTokenInTheUrlIsNotAccepted() {
        String token = Api.asBootstrap()[1].substring("Bearer ".length());

        Api.assertProblem(get("api/v1/auth/whoami?access_token=" + token), 401, "auth_missing");
    }

    @Test
    void oversizedOrNonFormBodiesAreRefusedWithoutATokenIssued() {
        // Formerly problem documents (415, 413): an OAuth client parses only RFC 6749 errors.
        HttpResponse<String> json = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"),
                "Content-Type",
                "application/json");
        HttpResponse<String> huge = Api.send(
                "POST",
                "api/v1/auth/token",
                BodyPublishers.ofString("grant_type=client_credentials&scope=" + "a".repeat(1_100_000)),
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertOAuthError(json, 400, "invalid_request");
        assertOAuthError(huge, 400, "invalid_request");
    }

    @Test
    void everyMalformedTokenRequestIsAnRfc6749InvalidRequest() {
        String form = "application/x-www-form-urlencoded";
        String secretForm = "grant_type=client_credentials&client_id=a&client_secret=b";
        List<HttpResponse<String>> malformed = List.of(
                Api.send("POST", "api/v1/auth/token", BodyPublishers.noBody()),
                Api.send("POST", "api/v1/auth/token", BodyPublishers.noBody(), "Content-Type", form),
                Api.send(
                        "POST", "api/v1/auth/token", BodyPublishers.ofString(secretForm), "Content-Type", "text/plain"),
                Api.send("POST", "api/v1/auth/token", BodyPublishers.ofString(secretForm)),
                Api.send("GET", "api/v1/auth/token", BodyPublishers.noBody()),
                Api.send(
                        "POST",
                        "api/v1/auth/token",
                        BodyPublishers.ofString("grant_type=client_credentials&grant_type=password"),
                        "Content-Type",
                        form),
                Api.send(
                        "POST",
                        "api/v1/auth/token",
                        BodyPublishers.ofString(secretForm),
                        "Content-Type",
                        form,
                        "Accept",
                        "application/xml"),
                Api.send("POST", "api/v1/auth/token", BodyPublishers.ofString("grant_type="), "Content-Type", form));

        for (HttpResponse<String> response : malformed) {
            assertOAuthError(response, 400, "invalid_request");
        }
    }

    @Test
    void aStandardOAuthClientGetsATokenAndParsesEveryRefusal() throws Exception {
        JsonObject credential = bootstrapCredential();
        URI endpoint = Api.server().resolve("api/v1/auth/token");

        TokenResponse issued = TokenResponse.parse(new TokenRequest(
                        endpoint,
                        new ClientSecretBasic(
                                new ClientID(credential.getString("client_id")),
                                new Secret(credential.getString("client_secret"))),
                        new ClientCredentialsGrant(),
                        null)
                .toHTTPRequest()
                .send());
        TokenResponse wrongSecret = TokenResponse.parse(new TokenRequest(
                        endpoint,
                        new ClientSecretBasic(new ClientID(credential.getString("client_id")), new Secret("agy_nope")),
                        new ClientCredentialsGrant(),
                        null)
                .toHTTPRequest()
                .send());

        assertTrue(
                issued.indicatesSuccess(),
                () -> issued.toErrorResponse().getErrorObject().toString());
        assertEquals(
                "Bearer",
                issued.toSuccessResponse()
                        .getTokens()
                        .getAccessToken()
                        .getType()
                        .getValue());
        assertEquals(401, wrongSecret.toErrorResponse().getErrorObject().getHTTPStatusCode());
        assertEquals(
                "invalid_client", wrongSecret.toErrorResponse().getErrorObject().getCode());
        for (HttpResponse<String> refused : List.of(
                Api.send("POST", "api/v1/auth/token", BodyPublishers.noBody()),
                Api.send(
                        "POST",
                        "api/v1/auth/token",
                        BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"),
                        "Content-Type",
                        "application/json"),
                Api.send(
                        "POST",
                        "api/v1/auth/token",
                        BodyPublishers.ofString("grant_type=password"),
                        "Content-Type",
                        "application/x-www-form-urlencoded"))) {
            TokenResponse parsed = TokenResponse.parse(asNimbus(refused));
            assertTrue(!parsed.indicatesSuccess());
            assertTrue(
                    List.of("invalid_request", "unsupported_grant_type")
                            .contains(parsed.toErrorResponse().getErrorObject().getCode()),
                    refused.body());
        }
    }

    private static HTTPResponse asNimbus(HttpResponse<String> response) throws Exception {
        HTTPResponse converted = new HTTPResponse(response.statusCode());
        response.headers().map().forEach((name, values) -> converted.setHeader(name, values.toArray(String[]::new)));
        converted.setBody(response.body());
        return converted;
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith("application/json"), Api.contentType(response));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = json(response);
        assertEquals(error, body.getString("error"));
        assertTrue(body.containsKey("error_description"));
        Api.assertNoStackTrace(response.body());
    }

    private static JsonObject decode(String part) {
        return (JsonObject) Api.structure(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
