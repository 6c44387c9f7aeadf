package dev.agentry.api.policy;

import dev.agentry.core.policy.ExpiredTokens;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Says why a request is not authenticated. The token has already been refused by MicroProfile JWT; the
 * only distinction drawn is one this server can verify: {@code token_expired} for a token it signed
 * itself that has run out, {@code auth_invalid} for every other token, whatever its unverified claims say.
 */
@ApplicationScoped
public class BearerToken {

    private static final String SCHEME = "Bearer ";

    @Inject
    ExpiredTokens expired;

    /** {@code auth_missing}, {@code token_expired} or {@code auth_invalid}. */
    public ErrorCode failure(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return ErrorCode.AUTH_MISSING;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return ErrorCode.AUTH_INVALID;
        }
        return expired.genuineButExpired(
                        authorization.substring(SCHEME.length()).strip())
                ? ErrorCode.TOKEN_EXPIRED
                : ErrorCode.AUTH_INVALID;
    }

    public static String detail(ErrorCode failure) {
        return switch (failure) {
            case AUTH_MISSING -> "This resource needs a bearer token in the Authorization header.";
            case TOKEN_EXPIRED -> "The bearer token has expired; obtain a new one from /api/v1/auth/token.";
            default -> "The bearer token is not valid.";
        };
    }
}
