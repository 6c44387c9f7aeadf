package dev.agentry.core.cluster;

/**
 * What the nodes sharing the database must not do side by side; each has a row in {@code cluster_lease}
 * (schema V20 seeds one per constant, so a new constant needs a migration).
 */
public enum Duty {
    /** Firing job schedules, catching up missed fire times, failing executions of dead nodes. */
    JOB_SCHEDULES(true),
    /** The periodic evaluation of incident signals. */
    INCIDENTS(true),
    /** Recording and announcing expired approvals. */
    APPROVAL_EXPIRY(true),
    /** Turning outbox events into deliveries (every node delivers: delivery leases keep those apart). */
    WEBHOOK_ROUTING(true),
    /** Starting queued runs within the concurrency limit, and the runs' watchdog. */
    RUN_QUEUE(true),
    /** Giving committed changes their feed positions: any node may, one batch at a time. */
    CHANGE_SEQUENCE(false),
    /** Linking committed audit records into the chain: any node may, one batch at a time. */
    AUDIT_CHAIN(false),
    /** The idle check and start of an exclusive job: any node may, one at a time. */
    JOB_LAUNCH(false);

    private final boolean leased;

    Duty(boolean leased) {
        this.leased = leased;
    }

    /** Held by one node until its lease expires; otherwise only locked for the length of a batch. */
    public boolean leased() {
        return leased;
    }
}
