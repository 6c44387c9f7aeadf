package dev.agentry.core.policy;

import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.policy.CredentialState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A credential's status as callers see it: what an operator did, or expiry once it has passed. */
public enum CredentialStatus {
    ACTIVE,
    PAUSED,
    REVOKED,
    EXPIRED;

    public static CredentialStatus of(CredentialState state, Instant expiresAt, Instant now) {
        return switch (state) {
            case REVOKED -> REVOKED;
            case PAUSED -> PAUSED;
            case ACTIVE -> expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : ACTIVE;
        };
    }

    public static CredentialStatus of(Credential credential, Instant now) {
        return of(credential.getStatus(), credential.getExpiresAt(), now);
    }

    /** Active and inside its reminder window before expiry. */
    public static boolean expiringSoon(Credential credential, Instant now) {
        return of(credential, now) == ACTIVE
                && credential.getExpiresAt() != null
                && Duration.between(now, credential.getExpiresAt())
                                .compareTo(Duration.ofDays(credential.getReminderDays()))
                        <= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
