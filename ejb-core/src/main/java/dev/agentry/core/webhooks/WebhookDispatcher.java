package dev.agentry.core.webhooks;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import jakarta.annotation.PostConstruct;
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
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: every tick it routes new events, leases due deliveries, POSTs them on its
 * sender lanes in parallel and records the outcomes, until nothing is due. Everything it needs to
 * resume is in the database, so a restart (or a crash) loses nothing; a delivery sent but not yet
 * recorded when the server died is sent again once its lease runs out.
 *
 * <p>Every node delivers (a delivery's lease keeps nodes from sending it twice), but only the holder of the
 * {@link Duty#WEBHOOK_ROUTING} lease routes: two nodes routing one event would collide on the delivery's
 * uniqueness, and the loser's failed tick would leave its leased batch unrecorded, to be sent again.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// The senders' own pool, so a slow receiver cannot take the threads the rest of the server uses, nor
// the rest of the server the senders'; lanes beyond its size would only queue.
@ManagedExecutorDefinition(name = WebhookDispatcher.SENDERS, maxAsync = WebhookDispatcher.MAX_LANES)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** One tick works at most this long, so a backlog never holds the timer thread for long. */
    private static final Duration TICK_BUDGET = Duration.ofSeconds(10);

    static final String SENDERS = "java:app/concurrent/WebhookSenders";

    static final int MAX_LANES = 32;

    private static final int LEASE_PER_LANE = 32;

    private static final int ROUTE_BATCH = 500;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.dispatch-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.senders", defaultValue = "8")
    int lanes;

    @Resource
    TimerService timers;

    @Resource(lookup = SENDERS)
    ManagedExecutorService executor;

    @Inject
    WebhookRouting routing;

    @Inject
    DeliveryLedger ledger;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    @Inject
    ClusterLeases leases;

    private final List<WebhookSender> senders = new ArrayList<>();
    private volatile Instant lastTick;

    @PostConstruct
    void start() {
        HttpClient client = WebhookSender.client();
        for (int i = 0; i < Math.min(MAX_LANES, Math.max(1, lanes)); i++) {
            senders.add(new WebhookSender(client, clock, settings.guard()));
        }
        lastTick = Instant.now(); // counts as ticking until the first tick is due
        scheduleNext(interval);
    }

    /** When the dispatcher last started a tick; readiness reads it. */
    public Instant lastTick() {
        return lastTick;
    }

    public Duration interval() {
        return interval;
    }

    /**
     * One tick, then the next one an interval after it ends: a tick that works through a backlog
     * never overlaps the next (an interval timer would, and the container would warn every second).
     * A tick that stopped at its budget with work left is followed at once.
     */
    @Timeout
    void tick() {
        Duration next = interval;
        try {
            lastTick = Instant.now();
            if (deliverUntil(System.nanoTime() + TICK_BUDGET.toNanos())) {
                next = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed; it resumes on the next tick", e);
        } finally {
            scheduleNext(next);
        }
    }

    private void scheduleNext(Duration delay) {
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(null, false));
    }

    /**
     * Works through what is due as a pipeline: while the lanes send one batch, this thread routes new
     * events, records the previous batch's outcomes and leases the next batch (one transaction for
     * both), so the database work hides behind the network work. Answers whether it stopped at the
     * deadline with more perhaps due.
     */
    private boolean deliverUntil(long deadline) {
        int max = senders.size() * LEASE_PER_LANE;
        route();
        List<Outgoing> batch = ledger.lease(max);
        List<Outgoing> sent = List.of();
        List<SendResult> outcomes = List.of();
        boolean stopped = false;
        while (!batch.isEmpty()) {
            List<Future<List<SendResult>>> sending = send(batch);
            route();
            stopped = System.nanoTime() >= deadline;
            List<Outgoing> next = ledger.recordAndLease(sent, outcomes, stopped ? 0 : max);
            outcomes = results(batch, sending);
            sent = batch;
            batch = next;
        }
        if (!sent.isEmpty()) {
            ledger.record(sent, outcomes);
        }
        return stopped;
    }

    /** Routes a batch of new events if this node routes: asked each time, as a long tick outlasts a lease. */
    private void route() {
        if (leases.holds(Duty.WEBHOOK_ROUTING)) {
            routing.route(ROUTE_BATCH);
        }
    }

    /** Starts sending a batch on the lanes in parallel, each lane a share of it. */
    private List<Future<List<SendResult>>> send(List<Outgoing> batch) {
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
        return futures;
    }

    /** The batch's outcomes in its order, once every lane is done. */
    private List<SendResult> results(List<Outgoing> batch, List<Future<List<SendResult>>> futures) {
        int lanesUsed = futures.size();
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
