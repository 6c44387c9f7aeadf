package dev.agentry.core.policy;

import jakarta.ejb.ApplicationException;

/**
 * The token endpoint's refusal, in the vocabulary of RFC 6749 section 5.2. The description is shown
 * to the caller and never holds a secret.
 */
@ApplicationException(rollback = true)
public class TokenRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The RFC 6749 error codes this endpoint uses. */
    public enum Reason {
        INVALID_REQUEST("invalid_request"),
        INVALID_CLIENT("invalid_client"),
        INVALID_SCOPE("invalid_scope"),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type");

        private final String error;

        Reason(String error) {
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    private final Reason reason;

    public TokenRefused(Reason reason, String description) {
        super(description);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
