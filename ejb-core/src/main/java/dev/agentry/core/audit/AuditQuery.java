package dev.agentry.core.audit;

import java.time.Instant;

/**
 * Filters for reading the audit trail; every field is optional.
 *
 * @param since records at or after this time
 * @param until records before this time
 * @param credentialId records of this credential
 * @param action records whose action or route contains this text
 * @param outcome what came of the call or action
 * @param afterSequence records chained after this position (from a cursor, or the console's own paging)
 * @param limit at most this many (1 to 500)
 */
public record AuditQuery(
        Instant since,
        Instant until,
        String credentialId,
        String action,
        AuditOutcome outcome,
        Long afterSequence,
        int limit) {

    /** The same filters, continuing after {@code sequence}. */
    public AuditQuery after(Long sequence) {
        return new AuditQuery(since, until, credentialId, action, outcome, sequence, limit);
    }
}
