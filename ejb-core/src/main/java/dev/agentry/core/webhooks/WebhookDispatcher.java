package dev.agentry.core.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: every tick it routes new events, leases due deliveries, POSTs them on its
 * sender lanes in parallel and records the outcomes, until nothing is due. Everything it needs to
 * resume is in the database, so a restart (or a crash) loses nothing; a delivery sent but not yet
 * recorded when the server died is sent again once its lease runs out.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** One tick works at most this long, so a backlog never holds the timer thread for long. */
    private static final Duration TICK_BUDGET = Duration.ofSeconds(10);

    private static final int LEASE_PER_LANE = 16;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.dispatch-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.senders", defaultValue = "8")
    int lanes;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookRouting routing;

    @Inject
    DeliveryLedger ledger;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private final List<WebhookSender> senders = new ArrayList<>();
    private volatile Instant lastTick;

    @PostConstruct
    void start() {
        for (int i = 0; i < Math.max(1, lanes); i++) {
            senders.add(new WebhookSender(clock, settings.guard()));
        }
        lastTick = Instant.now(); // counts as ticking until the first tick is due
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @PreDestroy
    void stop() {
        senders.forEach(WebhookSender::close);
    }

    /** When the dispatcher last started a tick; readiness reads it. */
    public Instant lastTick() {
        return lastTick;
    }

    public Duration interval() {
        return interval;
    }

    @Timeout
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous tick is still working through a backlog
        }
        try {
            lastTick = Instant.now();
            long deadline = System.nanoTime() + TICK_BUDGET.toNanos();
            while (System.nanoTime() < deadline) {
                int routed = routing.route(500);
                List<Outgoing> batch = ledger.lease(senders.size() * LEASE_PER_LANE);
                if (!batch.isEmpty()) {
                    ledger.record(batch, send(batch));
                } else if (routed == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed; it resumes on the next tick", e);
        } finally {
            running.set(false);
        }
    }

    /** Sends a batch on the lanes in parallel; results in the batch's order. */
    private List<SendResult> send(List<Outgoing> batch) {
        int lanesUsed = Math.min(senders.size(), batch.size());
        List<Future<List<SendResult>>> futures = new ArrayList<>();
        for (int lane = 0; lane < lanesUsed; lane++) {
            WebhookSender sender = senders.get(lane);
            List<Outgoing> share = new ArrayList<>();
            for (int i = lane; i < batch.size(); i += lanesUsed) {
                share.add(batch.get(i));
            }
            futures.add(executor.submit(() -> share.stream().map(sender::send).toList()));
        }
        List<List<SendResult>> byLane = new ArrayList<>();
        for (Future<List<SendResult>> future : futures) {
            try {
                byLane.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending webhooks", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a webhook sender failed", e.getCause());
            }
        }
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            results.add(byLane.get(i % lanesUsed).get(i / lanesUsed));
        }
        return results;
    }
}
