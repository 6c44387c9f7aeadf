package dev.agentry.core.retention;

import java.util.Locale;

/** What retention removes, one step of the job each, in the order the job runs them. */
public enum RetentionKind {
    /** Finished runs past their own {@code retentionDays}, with their directories (bundle, leftovers). */
    RUNS,
    /** Webhook deliveries that succeeded, with their attempts. */
    DELIVERIES,
    /** Dead letters and their failed deliveries, unless a replay is still pending. */
    DEAD_LETTERS,
    /** Outbox events that no delivery refers to any more. */
    WEBHOOK_EVENTS,
    /** Change records, from the start of the feed; the feed's retention horizon moves with them. */
    CHANGES,
    /** What diagnostics runs recorded. */
    DIAGNOSTICS,
    /** Lag snapshots of the sync-state job. */
    LAG_HISTORY,
    /** Finished executions in the batch job repository, with their steps. */
    JOB_EXECUTIONS;

    /** The name in configuration, job XML and audit, e.g. {@code dead-letters}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RetentionKind of(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
