package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Tells a refused token that this server really issued, and that has only run out, from every other bad
 * token. A caller is told {@code token_expired} only on this verified fact: a forged token (unknown key,
 * wrong signature, another algorithm) is invalid whatever expiry it claims, so nothing a caller did not
 * get from this server can choose the answer.
 */
@ApplicationScoped
@Boundary
public class ExpiredTokens {

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    TokenAudience audience;

    /** Whether {@code token} is signed by a key this server publishes, for this API, and has expired. */
    public boolean genuineButExpired(String token) {
        return genuineButExpired(token, keys::publishedKey, audience.issuer(), audience.audience(), clock.instant());
    }

    static boolean genuineButExpired(
            String token, Function<String, Optional<PublicKey>> keys, String issuer, String audience, Instant now) {
        if (token == null || token.isBlank()) {
            return false;
        }
        var consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> keys.apply(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("not a published key")))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .build();
        try {
            consumer.process(token);
            return false;
        } catch (InvalidJwtException e) {
            // jose4j checks the signature before any claim, so an expiry error means the signature held.
            return e.hasExpired() && e.getErrorDetails().size() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
