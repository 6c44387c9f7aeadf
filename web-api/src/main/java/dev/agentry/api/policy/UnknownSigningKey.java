package dev.agentry.api.policy;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.SigningKeys;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT fails a token whose key it cannot resolve the same way for a forged {@code kid} as for an
 * unreachable JWKS. Agentry publishes its own keys, so it can tell the
 * two apart: a key it does not publish is the caller's fault and becomes an ordinary refusal
 * ({@code 401 auth_invalid}); a key it does publish but the verifier could not use stays an internal
 * error, and is logged.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 10)
public abstract class UnknownSigningKey implements JWTParser {

    @Inject
    @Delegate
    JWTParser parser;

    @Inject
    SigningKeys keys;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            if (!unresolvableKey(e)) {
                throw e;
            }
            String kid = unverifiedKid(token);
            if (keys.publishes(kid)) {
                // Not the caller's fault: answered as an internal error, and logged with its cause.
                throw new IllegalStateException("The verifier could not resolve published signing key " + kid, e);
            }
            throw new ParseException("The token names no signing key this server publishes.");
        }
    }

    /**
     * Compared by name: the exception comes from the jose4j the server's SmallRye module loads, which
     * need not be the copy this deployment carries.
     */
    private static boolean unresolvableKey(ParseException e) {
        return e.getCause() != null
                && e.getCause().getClass().getName().equals("org.jose4j.lang.UnresolvableKeyException");
    }

    private static String unverifiedKid(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            return header.containsKey("kid") && header.get("kid") instanceof jakarta.json.JsonString kid
                    ? kid.getString()
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
