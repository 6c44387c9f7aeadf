package dev.agentry.core.incidents;

import java.util.Optional;

/**
 * Which signal a refused or failed API call is, by its error code: what the audit trail records of
 * every call is also what incidents count, so the two never disagree.
 */
final class CallSignals {

    private CallSignals() {}

    static Optional<Signal> of(String errorCode) {
        if (errorCode == null) {
            return Optional.empty();
        }
        return switch (errorCode) {
            case "auth_missing",
                    "auth_invalid",
                    "token_expired",
                    "credential_paused",
                    "credential_revoked",
                    "credential_expired",
                    "ip_not_allowed",
                    "invalid_client" -> Optional.of(Signal.TOKEN_FAILURES);
            case "scope_denied", "invalid_scope" -> Optional.of(Signal.SCOPE_DENIALS);
            case "rate_limited" -> Optional.of(Signal.RATE_LIMIT_DENIALS);
            case "internal", "service_unavailable" -> Optional.of(Signal.SERVER_ERRORS);
            default -> Optional.empty();
        };
    }
}
