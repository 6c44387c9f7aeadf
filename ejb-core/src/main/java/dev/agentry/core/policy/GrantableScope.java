package dev.agentry.core.policy;

/**
 * A scope a credential can hold.
 *
 * @param scope the wire form, e.g. {@code changes:read}; also the role name resources declare
 * @param description what it allows, for people choosing scopes
 * @param governedWrites hidden, and never granted, while governed writes (SPEC section 10) are off
 */
public record GrantableScope(String scope, String description, boolean governedWrites) {}
