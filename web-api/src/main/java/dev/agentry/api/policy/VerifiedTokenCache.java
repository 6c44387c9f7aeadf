package dev.agentry.api.policy;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets MicroProfile JWT verify each distinct bearer token once, not on every request: an RS256
 * signature check is most of what authentication costs, and a client sends the same token until it
 * expires. Only what SmallRye JWT accepted is remembered, keyed by the whole token text, and only
 * until the token's {@code exp}. Whether the credential behind it may still act is decided per
 * request by the policy filter, so pausing or revoking a credential is not delayed by this cache. A JWT
 * whose header does not declare it an access token is refused here too ({@link AccessTokenType}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class VerifiedTokenCache implements JWTParser {

    @Inject
    @Delegate
    JWTParser parser;

    @Inject
    @ConfigProperty(name = "agentry.token.verified-cache-size", defaultValue = "4096")
    int size;

    // SmallRye JWT checks expiry against the system clock, so the cache does too.
    private VerifiedTokens<JsonWebToken> verified;

    @PostConstruct
    void create() {
        verified = new VerifiedTokens<>(size, () -> System.currentTimeMillis() / 1000);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.find(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = parser.parse(token);
        if (!AccessTokenType.declaredBy(token)) {
            throw new ParseException("The JWT is not an access token (typ is not at+jwt).");
        }
        verified.remember(token, jwt, jwt.getExpirationTime());
        return jwt;
    }
}
