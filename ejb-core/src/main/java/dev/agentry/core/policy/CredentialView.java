package dev.agentry.core.policy;

import dev.agentry.persistence.policy.Credential;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A credential as the management API and the console show it. {@code clientSecret} is present only in
 * the answer that creates or rotates it, the one time it is ever shown.
 *
 * @param id the credential's public id
 * @param clientId the public client id used to obtain tokens
 * @param status {@code active}, {@code paused}, {@code revoked} or {@code expired}
 * @param expiringSoon active and inside its reminder window
 * @param neverExpires no expiry: allowed, but a lifecycle risk
 * @param previousSecretValidUntil until when the secret before the last rotation still works
 */
public record CredentialView(
        String id,
        String clientId,
        String name,
        String owner,
        String description,
        List<String> scopes,
        List<String> eventInterests,
        List<String> ipAllowlist,
        String status,
        boolean expiringSoon,
        boolean neverExpires,
        Instant expiresAt,
        int reminderDays,
        Instant createdAt,
        Instant updatedAt,
        Instant rotatedAt,
        Instant previousSecretValidUntil,
        Instant lastUsedAt,
        String lastUsedAddress,
        String clientSecret)
        implements Serializable {

    static CredentialView of(Credential c, Instant now) {
        CredentialStatus status = CredentialStatus.of(c, now);
        boolean expiringSoon = CredentialStatus.expiringSoon(c, now);
        Instant overlap = c.getPreviousSecretValidUntil() != null
                        && c.getPreviousSecretValidUntil().isAfter(now)
                ? c.getPreviousSecretValidUntil()
                : null;
        return new CredentialView(
                c.getUid(),
                c.getClientId(),
                c.getName(),
                c.getOwner(),
                c.getDescription(),
                c.getScopes(),
                c.getEventInterests(),
                c.getIpAllowlist(),
                status.wireName(),
                expiringSoon,
                c.getExpiresAt() == null,
                c.getExpiresAt(),
                c.getReminderDays(),
                c.getCreatedAt(),
                c.getUpdatedAt(),
                c.getRotatedAt(),
                overlap,
                c.getLastUsedAt(),
                c.getLastUsedAddress(),
                null);
    }

    CredentialView withSecret(ClientSecret secret) {
        return new CredentialView(
                id,
                clientId,
                name,
                owner,
                description,
                scopes,
                eventInterests,
                ipAllowlist,
                status,
                expiringSoon,
                neverExpires,
                expiresAt,
                reminderDays,
                createdAt,
                updatedAt,
                rotatedAt,
                previousSecretValidUntil,
                lastUsedAt,
                lastUsedAddress,
                secret.reveal());
    }
}
