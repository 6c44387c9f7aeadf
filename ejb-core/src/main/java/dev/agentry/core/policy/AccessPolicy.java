package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The per-request policy after the token has been verified: the credential must still exist and be
 * active, the caller's address must be allowed, and the rate limit must not be exceeded. Scopes are
 * the resources' own {@code @RolesAllowed}.
 */
@ApplicationScoped
@Boundary
public class AccessPolicy {

    @Inject
    CredentialRegistry registry;

    @Inject
    RateLimit rateLimit;

    @Inject
    CredentialUsage usage;

    @Inject
    Clock clock;

    /**
     * Admits a request or refuses it with the SPEC section 4 code.
     *
     * @param credentialId the token's credential claim
     * @param address the caller's canonical address
     */
    public Admission admit(String credentialId, String address) {
        Instant now = clock.instant();
        CredentialPolicy policy = registry.policy(credentialId == null ? "" : credentialId)
                .orElseThrow(
                        () -> new AgentryException(ErrorCode.AUTH_INVALID, "The token's credential no longer exists."));
        switch (policy.status(now)) {
            case PAUSED -> throw new AgentryException(ErrorCode.CREDENTIAL_PAUSED, "The credential is paused.");
            case REVOKED -> throw new AgentryException(ErrorCode.CREDENTIAL_REVOKED, "The credential is revoked.");
            case EXPIRED -> throw new AgentryException(ErrorCode.CREDENTIAL_EXPIRED, "The credential has expired.");
            case ACTIVE -> {}
        }
        if (!policy.allowlist().permits(address)) {
            throw new AgentryException(ErrorCode.IP_NOT_ALLOWED, "The credential may not be used from this address.");
        }
        RateLimit.Window window = rateLimit.take(policy.credentialId());
        usage.used(policy.credentialId(), now, address);
        return new Admission(policy, window);
    }
}
