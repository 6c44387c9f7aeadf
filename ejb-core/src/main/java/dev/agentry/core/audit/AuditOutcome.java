package dev.agentry.core.audit;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;
import java.util.Locale;

/** What came of an audited call or action: the {@code outcome} of a record and of an audit filter. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILED;

    /** The name in the stored record and on the wire, e.g. {@code denied}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome of a call answered with this HTTP status: refused authentication, scope or rate is a denial,
     * any other error a failure.
     */
    public static AuditOutcome ofStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        return status == 401 || status == 403 || status == 429 ? DENIED : FAILED;
    }

    /**
     * The outcome a filter names (in any case), or null for none.
     *
     * @throws AgentryException {@code validation_failed} naming {@code outcome} when the text is none of them
     */
    public static AuditOutcome ofFilter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (AuditOutcome outcome : values()) {
            if (outcome.wireName().equalsIgnoreCase(text.strip())) {
                return outcome;
            }
        }
        throw AgentryException.validation(
                List.of(new FieldError("outcome", "invalid", "outcome is success, denied or failed")));
    }
}
