package dev.agentry.core.control;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records and announces expired approvals ({@code approval.expired}): once at start — so approvals that
 * expired while the server was down are settled as it comes up, not an interval later — then every
 * {@code agentry.control.expiry-interval}. The status itself never waits for this: it is computed from
 * the stored expiry when read. Each sweep works in batches of {@link #BATCH}, each its own transaction,
 * until a batch comes back short: a backlog of any size never makes one long transaction.
 *
 * <p>Only the node holding the {@link Duty#APPROVAL_EXPIRY} lease sweeps. Two sweeps at once could not expire an
 * approval twice anyway (its version makes the second commit fail and roll back its announcement), but the
 * loser's whole batch would fail with it.
 */
@Singleton
@Startup
public class ApprovalExpiry {

    /** Approvals expired per transaction. */
    static final int BATCH = 500;

    @Inject
    @ConfigProperty(name = "agentry.control.expiry-interval", defaultValue = "PT30S")
    Duration interval;

    @Resource
    TimerService timers;

    @Inject
    Approvals approvals;

    @Inject
    ClusterLeases leases;

    @PostConstruct
    void schedule() {
        // The first sweep at once (the timer fires as soon as the application has started), then periodically.
        timers.createIntervalTimer(0, interval.toMillis(), new TimerConfig(null, false));
    }

    /** Outside a transaction: each batch commits on its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (leases.holds(Duty.APPROVAL_EXPIRY)) {
            expireAll();
        }
    }

    /** Batch after batch until one is short; returns how many expired. */
    int expireAll() {
        int total = 0;
        int expired;
        do {
            expired = approvals.expireOverdue(BATCH);
            total += expired;
        } while (expired == BATCH);
        return total;
    }
}
