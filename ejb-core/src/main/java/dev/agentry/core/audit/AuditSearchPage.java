package dev.agentry.core.audit;

import java.io.Serializable;
import java.util.List;

/**
 * One page of an {@link AuditSearch}, newest first, and whether there are older and newer records
 * beyond it for the same filters.
 */
public record AuditSearchPage(List<AuditView> records, boolean older, boolean newer) implements Serializable {

    /** The sequence of the newest record shown, for the "newer" page; null when empty. */
    public Long newest() {
        return records.isEmpty() ? null : records.get(0).sequence();
    }

    /** The sequence of the oldest record shown, for the "older" page; null when empty. */
    public Long oldest() {
        return records.isEmpty() ? null : records.get(records.size() - 1).sequence();
    }
}
