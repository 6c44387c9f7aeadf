package dev.agentry.core.policy;

import java.time.Instant;

/**
 * Where and until when a credential works: its IP allowlist (empty: anywhere) and its expiry (null:
 * never). Part of the grant ceiling: a manager bounded in addresses or time must not mint, rotate or
 * widen a credential that reaches further than itself, or it could escape its own bounds through a twin.
 */
public record CredentialReach(IpAllowlist allowlist, Instant expiresAt) {

    /** Anywhere, for ever: the console and the first-start bootstrap. */
    public static final CredentialReach UNBOUNDED = new CredentialReach(IpAllowlist.ANYWHERE, null);

    /** Whether this reach lies inside {@code outer}: every network of it inside one of outer's, and expiring no later. */
    public boolean within(CredentialReach outer) {
        return addressesWithin(outer) && timeWithin(outer);
    }

    boolean addressesWithin(CredentialReach outer) {
        if (outer.allowlist.networks().isEmpty()) {
            return true;
        }
        return !allowlist.networks().isEmpty()
                && allowlist.networks().stream()
                        .allMatch(mine -> outer.allowlist.networks().stream().anyMatch(mine::within));
    }

    boolean timeWithin(CredentialReach outer) {
        return outer.expiresAt == null || (expiresAt != null && !expiresAt.isAfter(outer.expiresAt));
    }
}
