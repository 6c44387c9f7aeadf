package dev.agentry.core.policy;

import java.util.List;

/**
 * An issued access token.
 *
 * @param token the signed JWT
 * @param expiresInSeconds its remaining lifetime
 * @param scopes the scopes it grants
 */
public record AccessToken(String token, long expiresInSeconds, List<String> scopes) {}
