package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class ExpiredTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant PAST = NOW.minusSeconds(600);

    private final KeyPair server = rsa();
    private final KeyPair attacker = rsa();
    private final Function<String, Optional<PublicKey>> published =
            kid -> "k1".equals(kid) ? Optional.of(server.getPublic()) : Optional.empty();

    @Test
    void aTokenThisServerSignedThatHasRunOutIsExpired() throws Exception {
        assertTrue(check(sign(server.getPrivate(), "k1", "http://localhost:8080", PAST)));
    }

    @Test
    void aTokenStillValidIsNotExpired() throws Exception {
        assertFalse(check(sign(server.getPrivate(), "k1", "http://localhost:8080", NOW.plusSeconds(600))));
    }

    @Test
    void aForgedTokenIsNeverExpiredWhateverItClaims() throws Exception {
        assertFalse(check(sign(attacker.getPrivate(), "k1", "http://localhost:8080", PAST)), "wrong signature");
        assertFalse(check(sign(attacker.getPrivate(), "attacker-key", "http://localhost:8080", PAST)), "unknown kid");
        assertFalse(check(sign(server.getPrivate(), "k1", "https://evil.example", PAST)), "another issuer");
        String[] genuine =
                sign(server.getPrivate(), "k1", "http://localhost:8080", PAST).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertFalse(check(none + "." + genuine[1] + "."), "alg none");
        assertFalse(check("not.a.jwt"));
        assertFalse(check(null));
    }

    private boolean check(String token) {
        return ExpiredTokens.genuineButExpired(token, published, "http://localhost:8080", "agentry-api", NOW);
    }

    private static String sign(PrivateKey key, String kid, String issuer, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("agentry-api");
        claims.setSubject("c1");
        claims.setIssuedAt(NumericDate.fromSeconds(expires.getEpochSecond() - 900));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
