package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.Management;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens that must not get in, each refused with its documented code, chosen only from what the server
 * verified, and each refusal in the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwtAttackIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void noTokenIsAuthMissingWithABearerChallenge() {
        HttpResponse<String> response = get("api/v1/auth/whoami");

        assertProblem(response, 401, "auth_missing");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void garbageAndOtherSchemesAreAuthInvalid() {
        assertProblem(get("api/v1/auth/whoami", "Authorization", "Bearer not.a.jwt"), 401, "auth_invalid");
        assertProblem(get("api/v1/auth/whoami", "Authorization", "Basic Zm9vOmJhcg=="), 401, "auth_invalid");
    }

    @Test
    void aBearerTokenThatDoesNotVerifyIsRefusedEvenWhereNoneIsNeeded() {
        // The liveness route needs no token; one that is presented is still checked, never ignored.
        assertEquals(200, get("api/v1/health").statusCode());
        assertProblem(get("api/v1/health", bearer(algNone(realToken()))), 401, "auth_invalid");
        assertProblem(get("api/v1/health", "Authorization", "Bearer not.a.jwt"), 401, "auth_invalid");
        assertEquals(200, get("api/v1/health", bearer(realToken())).statusCode());
    }

    @Test
    void theApiRunsInASecurityDomainWithoutJaspi() {
        // Tokens are the API's own first filter's business: no JASPI bridge on the request path.
        String[] domain = {"subsystem", "undertow", "application-security-domain", "agentry-api"};
        ModelNode jaspi = Management.operation("read-attribute", domain);
        jaspi.get("name").set("enable-jaspi");
        assertFalse(Management.execute(jaspi).asBoolean());
        ModelNode deployments = Management.operation("read-attribute", domain);
        deployments.get("name").set("referencing-deployments");
        assertTrue(
                Management.execute(deployments).asList().stream()
                        .anyMatch(d -> d.asString().contains("agentry-web-api.war")),
                Management.execute(deployments).toString());
    }

    @Test
    void algNoneIsRefused() {
        assertProblem(get("api/v1/auth/whoami", bearer(algNone(realToken()))), 401, "auth_invalid");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        assertProblem(get("api/v1/auth/whoami", bearer(hs256(realToken()))), 401, "auth_invalid");
    }

    @Test
    void aForgedTokenClaimingAPastExpiryIsInvalidNotExpired() throws Exception {
        // Nobody verified the claims of a forged token: its exp must not choose the answer.
        String[] real = realToken().split("\\.");
        JsonObject claims = decode(real[1]);
        long past = claims.getJsonNumber("exp").longValue() - 3600;
        String expired = real[0] + "."
                + B64.encodeToString(Json.createObjectBuilder(claims)
                        .add("exp", past)
                        .add("iat", past - 900)
                        .add("nbf", past - 900)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8))
                + "." + real[2];

        for (String forged : List.of(unknownKid(expired), signedByAnotherKey(expired), expired, algNone(expired))) {
            HttpResponse<String> response = get("api/v1/auth/whoami", bearer(forged));

            assertProblem(response, 401, "auth_invalid");
            assertTrue(!response.headers()
                    .firstValue("WWW-Authenticate")
                    .orElse("")
                    .contains("expired"));
        }
    }

    @Test
    void everyRefusedTokenLeavesOneAuditRecordWithItsCode() throws Exception {
        String real = realToken();
        Api.shiftClock(-20 * 60);
        String expired;
        try {
            expired = realToken();
        } finally {
            Api.shiftClock(0);
        }
        Instant since = AuditRecords.mark();
        Map<String, String[]> refused = new LinkedHashMap<>();
        refused.put("alg-none", new String[] {algNone(real), "auth_invalid"});
        refused.put("hs256", new String[] {hs256(real), "auth_invalid"});
        refused.put("tampered", new String[] {signedByAnotherKey(real), "auth_invalid"});
        refused.put("unknown-kid", new String[] {unknownKid(real), "auth_invalid"});
        refused.put("garbage", new String[] {"not.a.jwt", "auth_invalid"});
        refused.put("expired", new String[] {expired, "token_expired"});
        String run = UUID.randomUUID().toString();
        for (Map.Entry<String, String[]> attack : refused.entrySet()) {
            String requestId = attack.getKey() + "-" + run;
            HttpResponse<String> response =
                    get("api/v1/credentials", Api.with(bearer(attack.getValue()[0]), "X-Request-Id", requestId));
            assertProblem(response, 401, attack.getValue()[1]);
        }

        for (Map.Entry<String, String[]> attack : refused.entrySet()) {
            JsonObject record = AuditRecords.of(attack.getKey() + "-" + run, since);
            assertEquals("denied", record.getString("outcome"), record.toString());
            assertEquals(attack.getValue()[1], record.getString("errorCode"), record.toString());
            // What a refused token claims is not evidence: no credential is blamed for it.
            assertTrue(!record.containsKey("credentialId") || record.isNull("credentialId"), record.toString());
            assertTrue(record.getString("action").contains("/api/v1/credentials"), record.toString());
        }
    }

    private static String algNone(String token) {
        String[] real = token.split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + real[1] + ".";
    }

    private static String signedByAnotherKey(String token) throws Exception {
        String[] real = token.split("\\.");
        return sign(real[0] + "." + real[1]);
    }

    private static String unknownKid(String token) throws Exception {
        String[] real = token.split("\\.");
        return sign(B64.encodeToString(
                        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker-key\"}".getBytes(StandardCharsets.UTF_8))
                + "." + real[1]);
    }

    private static String sign(String signingInput) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    private static String hs256(String token) throws Exception {
        String[] real = token.split("\\.");
        JsonObject jwk = json(get("api/v1/auth/jwks")).getJsonArray("keys").getJsonObject(0);
        byte[] publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(big(jwk.getString("n")), big(jwk.getString("e"))))
                .getEncoded();
        String header =
                B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + jwk.getString("kid") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String signature =
                B64.encodeToString(mac.doFinal((header + "." + real[1]).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + real[1] + "." + signature;
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheServersKidIsRefused() throws Exception {
        String[] real = realToken().split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(attacker.getPrivate());
        rsa.update((real[0] + "." + real[1]).getBytes(StandardCharsets.US_ASCII));

        assertProblem(
                get("api/v1/auth/whoami", bearer(real[0] + "." + real[1] + "." + B64.encodeToString(rsa.sign()))),
                401,
                "auth_invalid");
    }

    @Test
    void aTokenNamingAKeyTheServerDoesNotPublishIsAuthInvalidNotAServerError() throws Exception {
        String[] real = realToken().split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        for (String header : List.of(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker-key\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"x\"}")) {
            String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + real[1];
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(attacker.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));

            assertProblem(
                    get("api/v1/auth/whoami", bearer(signingInput + "." + B64.encodeToString(rsa.sign()))),
                    401,
                    "auth_invalid");
        }
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] real = realToken().split("\\.");
        JsonObject claims = decode(real[1]);
        for (String[] change : new String[][] {
            {"groups", "[\"credentials:manage\"]"}, {"iss", "\"https://evil.example\""}, {"aud", "\"someone-else\""}
        }) {
            JsonObjectBuilder altered = Json.createObjectBuilder(claims);
            altered.add(
                    change[0],
                    Json.createReader(new java.io.StringReader(change[1])).readValue());
            String payload = B64.encodeToString(altered.build().toString().getBytes(StandardCharsets.UTF_8));

            assertProblem(
                    get("api/v1/auth/whoami", bearer(real[0] + "." + payload + "." + real[2])), 401, "auth_invalid");
        }
    }

    @Test
    void anExpiredTokenIsTokenExpired() {
        // Issued by a clock twenty minutes behind: a genuine token whose expiry has passed.
        Api.shiftClock(-20 * 60);
        String token;
        try {
            token = realToken();
        } finally {
            Api.shiftClock(0);
        }

        HttpResponse<String> response = get("api/v1/auth/whoami", bearer(token));

        assertProblem(response, 401, "token_expired");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        Api.shiftClock(10 * 60);
        String token;
        try {
            token = realToken();
        } finally {
            Api.shiftClock(0);
        }

        assertProblem(get("api/v1/auth/whoami", bearer(token)), 401, "auth_invalid");
    }

    @Test
    void aJwtTheServerSignedThatDoesNotDeclareItselfAnAccessTokenIsRefused() {
        // RFC 9068 section 4: the same claims and key, but typ JWT is not an access token; at+jwt is.
        String real = realToken();
        for (String typ : new String[] {"JWT", "at+jwt"}) {
            HttpResponse<String> retyped = Api.send(
                    "POST",
                    "api/v1/_probe/tokens/retyped?typ=" + typ.replace("+", "%2B"),
                    BodyPublishers.ofString(real),
                    "Content-Type",
                    "text/plain");
            assertEquals(200, retyped.statusCode(), retyped.body());
            HttpResponse<String> whoami = get("api/v1/auth/whoami", bearer(retyped.body()));
            if (typ.equals("JWT")) {
                assertProblem(whoami, 401, "auth_invalid");
            } else {
                assertEquals(200, whoami.statusCode(), "the probe's signature is genuine: " + whoami.body());
            }
        }
    }

    @Test
    void aGenuineTokenGetsIn() {
        assertEquals(200, get("api/v1/auth/whoami", bearer(realToken())).statusCode());
    }

    private static String realToken() {
        JsonObject credential = Api.bootstrapCredential();
        return Api.token(credential.getString("client_id"), credential.getString("client_secret"), "audit:read");
    }

    private static JsonObject decode(String part) {
        return (JsonObject) Api.structure(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static BigInteger big(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
