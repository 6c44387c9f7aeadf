package dev.agentry.core.audit;

import java.util.List;

/**
 * One page of the audit trail, oldest first.
 *
 * @param data the records
 * @param nextCursor the cursor of the next page, or {@code null} at the end
 * @param hasMore whether there is a next page
 * @param count how many records this page holds
 */
public record AuditPage(List<AuditView> data, String nextCursor, boolean hasMore, int count) {}
