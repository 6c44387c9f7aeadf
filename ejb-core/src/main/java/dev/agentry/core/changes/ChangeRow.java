package dev.agentry.core.changes;

import java.time.Instant;

/** A change record as the feed reads it: its columns, not a managed entity. */
record ChangeRow(
        long position,
        String resourceType,
        String resourceId,
        String action,
        long version,
        Instant changedAt,
        String snapshot) {

    /** What a query of {@code ChangeRecord c} selects for {@link #of}. */
    static final String COLUMNS =
            "c.position, c.resourceType, c.resourceId, c.action, c.version, c.changedAt, c.snapshot";

    /** How many columns {@link #COLUMNS} names; a query may select more after them. */
    static final int COUNT = 7;

    static ChangeRow of(Object[] columns) {
        return new ChangeRow(
                (Long) columns[0],
                (String) columns[1],
                (String) columns[2],
                (String) columns[3],
                (Long) columns[4],
                (Instant) columns[5],
                (String) columns[6]);
    }
}
