package dev.agentry.core.policy;

import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.policy.CredentialState;
import java.time.Instant;
import java.util.List;

/**
 * What a request needs to know about its credential, cached briefly so requests do not read the
 * database.
 *
 * @param credentialId the credential's public id
 * @param clientId its client id
 * @param state what an operator last did to it
 * @param expiresAt when it expires, or {@code null}
 * @param allowlist where it may be used from
 * @param scopes the scopes it holds now
 * @param eventInterests the event types it is interested in
 */
public record CredentialPolicy(
        String credentialId,
        String clientId,
        CredentialState state,
        Instant expiresAt,
        IpAllowlist allowlist,
        List<String> scopes,
        List<String> eventInterests) {

    static CredentialPolicy of(Credential c) {
        return new CredentialPolicy(
                c.getUid(),
                c.getClientId(),
                c.getStatus(),
                c.getExpiresAt(),
                IpAllowlist.stored(c.getIpAllowlist()),
                c.getScopes(),
                c.getEventInterests());
    }

    public CredentialStatus status(Instant now) {
        return CredentialStatus.of(state, expiresAt, now);
    }
}
