package dev.agentry.core.audit;

import java.util.List;

/**
 * The records of a filtered range of the audit trail for a download, newest first, and whether it stops
 * short of the whole range.
 *
 * @param records at most {@link AuditService#MAX_EXPORT}, newest first
 * @param truncation why it stops short ({@code row_limit} or {@code time_limit}), or {@code null} when it is
 *     the whole range
 */
public record AuditExport(List<AuditView> records, String truncation) {

    public static final String ROW_LIMIT = "row_limit";
    public static final String TIME_LIMIT = "time_limit";

    public AuditExport {
        records = List.copyOf(records);
    }

    public boolean truncated() {
        return truncation != null;
    }

    /** The oldest record included, where a follow-up export of the rest would continue; null when empty. */
    public Long oldest() {
        return records.isEmpty() ? null : records.get(records.size() - 1).sequence();
    }
}
