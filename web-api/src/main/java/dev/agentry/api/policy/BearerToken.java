package dev.agentry.api.policy;

import dev.agentry.core.problem.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Says why a request is not authenticated. The token has already been rejected by MicroProfile JWT;
 * this only reads its unverified {@code exp} to tell an expired token from any other bad one, and
 * trusts nothing in it.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /** {@code auth_missing}, {@code token_expired} or {@code auth_invalid}. */
    public static ErrorCode failure(String authorization, Instant now) {
        if (authorization == null || authorization.isBlank()) {
            return ErrorCode.AUTH_MISSING;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return ErrorCode.AUTH_INVALID;
        }
        String[] parts = authorization.substring(SCHEME.length()).strip().split("\\.");
        if (parts.length != 3) {
            return ErrorCode.AUTH_INVALID;
        }
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            JsonNumber exp = claims.getJsonNumber("exp");
            return exp != null && Instant.ofEpochSecond(exp.longValue()).isBefore(now)
                    ? ErrorCode.TOKEN_EXPIRED
                    : ErrorCode.AUTH_INVALID;
        } catch (RuntimeException e) {
            return ErrorCode.AUTH_INVALID;
        }
    }

    public static String detail(ErrorCode failure) {
        return switch (failure) {
            case AUTH_MISSING -> "This resource needs a bearer token in the Authorization header.";
            case TOKEN_EXPIRED -> "The bearer token has expired; obtain a new one from /api/v1/auth/token.";
            default -> "The bearer token is not valid.";
        };
    }
}
