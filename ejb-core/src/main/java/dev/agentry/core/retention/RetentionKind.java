package dev.agentry.core.retention;

import java.util.Locale;

/** What retention removes, one step of the job each, in the order the job runs them. */
public enum RetentionKind {
    /** Finished runs past their own {@code retentionDays}, with their directories (bundle, leftovers). */
    RUNS,
    /**
     * Leftovers in the runs directory: the workspace, baseline and evidence a finished run's cleanup left
     * behind, and directories of runs that no longer exist. At most {@code agentry.retention.files-per-pass}
     * a pass.
     */
    WORKSPACES,
    /** Uploaded catalog import files no running import reads. At most {@code files-per-pass} a pass. */
    IMPORT_FILES,
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
    JOB_EXECUTIONS,
    /**
     * The oldest chained audit records, only where {@code agentry.retention.audit-trail} sets a horizon; the chain
     * then begins at a signed anchor.
     */
    AUDIT_TRAIL;

    /** Whether the kind lives on disk: its removals are bounded per pass, since a directory has no index. */
    public boolean onDisk() {
        return this == WORKSPACES || this == IMPORT_FILES;
    }

    /** The name in configuration, job XML and audit, e.g. {@code dead-letters}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RetentionKind of(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
