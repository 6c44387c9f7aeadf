package dev.agentry.core.policy;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every {@code agentry.rate-limit.sync-interval}, adds the requests this node admitted since the last sync to
 * the shared windows and reads back their totals (one transaction), so each node counts the others' requests
 * against a credential's limit; once per window, deletes the windows before the previous one. When the
 * database cannot be reached the additions wait for the next sync and each node goes on counting its own.
 */
@Singleton
@Startup
public class RateLimitSync {

    private static final Logger LOG = Logger.getLogger(RateLimitSync.class);

    @Inject
    @ConfigProperty(name = "agentry.rate-limit.sync-interval", defaultValue = "PT0.5S")
    Duration interval;

    @Resource
    TimerService timers;

    @Inject
    RateLimit rateLimit;

    @Inject
    RateWindows windows;

    @Inject
    Clock clock;

    private long forgottenBefore;
    private boolean failing;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    /** Outside a transaction: the additions commit before they count as synced. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sync() {
        RateLimit.Sync sync = rateLimit.pending(clock.millis());
        try {
            if (!sync.isEmpty()) {
                List<RateWindows.Added> added = sync.additions().stream()
                        .map(a -> new RateWindows.Added(a.credentialId(), a.count().minute, a.requests()))
                        .toList();
                List<String> read = sync.readings().stream()
                        .map(RateLimit.Reading::credentialId)
                        .toList();
                Map<String, Long> totals;
                try {
                    totals = windows.add(added, sync.minute(), read);
                } catch (RuntimeException e) {
                    // Two nodes inserting the same new window at once: the one refused finds it there now.
                    totals = windows.add(added, sync.minute(), read);
                }
                rateLimit.synced(sync, totals);
            }
            if (forgottenBefore < sync.minute() - 1) {
                windows.forgetBefore(sync.minute() - 1);
                forgottenBefore = sync.minute() - 1;
            }
            if (failing) {
                LOG.info("Rate windows are shared again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Rate windows could not be shared (retried every %s): %s", interval, e.getMessage());
                failing = true;
            }
        }
    }
}
