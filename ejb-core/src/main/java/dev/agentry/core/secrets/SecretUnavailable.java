package dev.agentry.core.secrets;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;

/**
 * A stored secret this server cannot open: the KEK it was sealed under is not this server's (another
 * server's database, or the key file was lost), or the envelope does not authenticate. Callers see
 * {@code service_unavailable}; the detail names no secret.
 */
public class SecretUnavailable extends AgentryException {

    private static final long serialVersionUID = 1L;

    public SecretUnavailable() {
        super(
                ErrorCode.SERVICE_UNAVAILABLE,
                "A stored key this request needs cannot be opened with this server's key-encryption key;"
                        + " see readiness.");
    }
}
