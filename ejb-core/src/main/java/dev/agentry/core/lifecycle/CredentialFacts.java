package dev.agentry.core.lifecycle;

import dev.agentry.core.policy.CredentialStatus;
import dev.agentry.persistence.policy.Credential;
import java.time.Instant;
import java.util.List;

/**
 * What the risk rules read of a credential: no secret, no owner, no address.
 *
 * @param secretSince when its current secret was issued: its last rotation, or its creation
 * @param refusedWhileRevoked the last time a token of it was refused after revocation, if recently
 */
record CredentialFacts(
        String credentialId,
        String name,
        CredentialStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant secretSince,
        List<String> ipAllowlist,
        List<String> scopes,
        Instant refusedWhileRevoked) {

    static CredentialFacts of(Credential credential, Instant now, Instant refusedWhileRevoked) {
        return new CredentialFacts(
                credential.getUid(),
                credential.getName(),
                CredentialStatus.of(credential, now),
                credential.getCreatedAt(),
                credential.getExpiresAt(),
                credential.getLastUsedAt(),
                credential.getRotatedAt() != null ? credential.getRotatedAt() : credential.getCreatedAt(),
                List.copyOf(credential.getIpAllowlist()),
                List.copyOf(credential.getScopes()),
                refusedWhileRevoked);
    }
}
