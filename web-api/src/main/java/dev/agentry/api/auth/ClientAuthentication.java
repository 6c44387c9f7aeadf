package dev.agentry.api.auth;

import dev.agentry.core.policy.TokenRefused;
import dev.agentry.core.policy.TokenRefused.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client's id and secret from HTTP Basic (RFC 6749 section 2.3.1: each part form-url-encoded)
 * or from the form body, never from both.
 *
 * @param clientId the client id
 * @param secret the secret as sent
 * @param basic whether they came in the Authorization header
 */
record ClientAuthentication(String clientId, String secret, boolean basic) {

    static ClientAuthentication of(String authorization, String formClientId, String formSecret) {
        boolean inForm = formClientId != null || formSecret != null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (inForm) {
                throw new TokenRefused(Reason.INVALID_REQUEST, "Send client credentials in one place, not two.");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new TokenRefused(Reason.INVALID_CLIENT, "The Basic credentials are not valid base64.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new TokenRefused(Reason.INVALID_CLIENT, "The Basic credentials need client id and secret.");
            }
            return new ClientAuthentication(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    true);
        }
        if (formClientId == null || formSecret == null) {
            throw new TokenRefused(Reason.INVALID_CLIENT, "Client authentication is required.");
        }
        return new ClientAuthentication(formClientId, formSecret, false);
    }
}
