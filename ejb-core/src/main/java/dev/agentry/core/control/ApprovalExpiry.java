package dev.agentry.core.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces expired approvals ({@code approval.expired}) every {@code agentry.control.expiry-interval}.
 * The status itself never waits for this: it is computed from the stored expiry when read, so an
 * approval that expired while the server was down is expired at once, and announced at the first sweep.
 */
@Singleton
@Startup
public class ApprovalExpiry {

    @Inject
    @ConfigProperty(name = "agentry.control.expiry-interval", defaultValue = "PT30S")
    Duration interval;

    @Resource
    TimerService timers;

    @Inject
    Approvals approvals;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        approvals.expireOverdue();
    }
}
