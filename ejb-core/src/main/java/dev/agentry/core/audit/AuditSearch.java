package dev.agentry.core.audit;

import java.time.Instant;

/**
 * The console's search of the audit trail, newest first like every audit log people read: filters (all
 * optional) and a position, either before a sequence (older records) or after one (newer records).
 *
 * @param since records at or after this time
 * @param until records before this time
 * @param actor records whose actor id (a credential, an administrator, a run) is exactly this
 * @param action records whose action or route contains this text
 * @param outcome what came of the call or action
 * @param code records with this error code
 * @param before only records chained before this sequence (the next, older page)
 * @param after only records chained after this sequence (the previous, newer page)
 * @param limit at most this many (1 to 500)
 */
public record AuditSearch(
        Instant since,
        Instant until,
        String actor,
        String action,
        AuditOutcome outcome,
        String code,
        Long before,
        Long after,
        int limit) {}
