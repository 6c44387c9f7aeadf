package dev.agentry.core.signals;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every {@code agentry.cluster.signal-interval}, reads the signals written since the last read (one query on
 * the primary key) and fires {@link Invalidated} for each new one, whichever node wrote it; now and then deletes
 * the signals every node has long read. A single node is a cluster of one: it reads its own signals too.
 */
@Singleton
@Startup
public class SignalPoller {

    /** How long an id read out of order is waited for: longer than a change's transaction takes to commit. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** How long signals are kept: every node has read them long before, even one paused for a while. */
    static final Duration KEPT = Duration.ofMinutes(10);

    /** Signals read at most per poll; the rest come at the next. */
    static final int PAGE = 1_000;

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(SignalPoller.class);

    @Inject
    @ConfigProperty(name = "agentry.cluster.signal-interval", defaultValue = "PT0.25S")
    Duration interval;

    @Resource
    TimerService timers;

    @Inject
    ClusterSignals signals;

    @Inject
    Event<Invalidated> invalidated;

    @Inject
    Clock clock;

    private SeenSignals seen;
    private Instant purgedAt = Instant.MIN;
    private boolean failing;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    /**
     * Outside a transaction: the reads and the purge are each their own, and the observers (all
     * {@code AFTER_SUCCESS}) are called at once.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            if (seen == null) {
                seen = new SeenSignals(signals.newestId(), PATIENCE);
            }
            List<ClusterSignals.Signal> read = signals.after(seen.floor(), PAGE);
            Set<Long> fresh = Set.copyOf(
                    seen.take(read.stream().map(ClusterSignals.Signal::id).toList(), clock.instant()));
            for (ClusterSignals.Signal signal : read) {
                if (fresh.contains(signal.id())) {
                    SignalKind.of(signal.kind())
                            .ifPresent(kind -> invalidated.fire(new Invalidated(kind, signal.subject())));
                }
            }
            purgeNowAndThen();
            if (failing) {
                LOG.info("Cluster signals are read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // The caches' own maximum age still bounds what a missed read leaves stale.
            if (!failing) {
                LOG.warnf("Cluster signals could not be read (retried every %s): %s", interval, e.getMessage());
                failing = true;
            }
        }
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (purgedAt.plus(PURGE_EVERY).isBefore(now)) {
            purgedAt = now;
            signals.purgeBefore(now.minus(KEPT));
        }
    }
}
