package dev.agentry.core.policy;

/**
 * A request let through by {@link AccessPolicy}.
 *
 * @param policy the caller's credential policy
 * @param rate where the credential stands in its rate-limit window
 */
public record Admission(CredentialPolicy policy, RateLimit.Window rate) {}
