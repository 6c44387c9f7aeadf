package dev.agentry.core.webhooks;

import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.secrets.RowIdentity;
import dev.agentry.core.secrets.SecretUnavailable;
import dev.agentry.core.secrets.SecretVault;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.DeadLetter;
import dev.agentry.persistence.webhooks.WebhookAttempt;
import dev.agentry.persistence.webhooks.WebhookDelivery;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The dispatcher's bookkeeping, one transaction per batch: leasing due deliveries, then recording
 * what each POST came to — the attempt, the next try on the retry schedule, or the dead letter.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLedger {

    /** Longer than a send can take, so a lease runs out only when its holder died. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RoutingCredentials routingCredentials;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookSettings settings;

    @Inject
    Event<WebhookIncident> incidents;

    @Inject
    SecretVault vault;

    /**
     * Leases up to {@code max} due deliveries. The lease is a conditional update stamped with a
     * token of this call, so two threads or nodes racing for a delivery cannot both win it: each
     * reads back only the rows its own token marks.
     */
    public List<Outgoing> lease(int max) {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery("WebhookDelivery.due", Long.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        em.createNamedQuery("WebhookDelivery.lease")
                .setParameter("until", now.plus(LEASE))
                .setParameter("token", token)
                .setParameter("ids", due)
                .setParameter("now", now)
                .executeUpdate();
        List<Leased> deliveries = em.createNamedQuery("WebhookDelivery.leased", Object[].class)
                .setParameter("ids", due)
                .setParameter("token", token)
                .getResultStream()
                .map(Leased::of)
                .toList();
        Map<Long, WebhookSubscription> subscriptions = subscriptions(deliveries);
        Map<String, Credential> credentials = credentials(deliveries, subscriptions);
        // A batch is mostly a few subscriptions' deliveries: each one's secrets are opened once.
        Map<Long, Optional<List<String>>> secrets = new HashMap<>();
        List<Outgoing> leased = new ArrayList<>();
        for (Leased delivery : deliveries) {
            WebhookSubscription subscription = subscriptions.get(delivery.subscriptionId());
            RoutingRule.RoutedEvent event = delivery.event();
            // Asked again at every send, retries and replays included: what routing allowed may since
            // have been taken away (a scope, :read_sensitive, the credential itself).
            Credential owner = credentials.get(subscription.getCredentialId());
            Grant subscriber = owner == null ? null : new Grant(owner.getUid(), Set.copyOf(owner.getScopes()));
            Optional<List<String>> subjectScopes =
                    Optional.ofNullable(event.subject()).map(credentials::get).map(Credential::getScopes);
            if (!RoutingRule.usable(owner, now) || !RoutingRule.mayRead(subscriber, event, subjectScopes)) {
                withhold(em.find(WebhookDelivery.class, delivery.id()), now);
                continue;
            }
            Optional<List<String>> signing =
                    secrets.computeIfAbsent(subscription.getId(), id -> signingSecrets(subscription, now));
            if (signing.isEmpty()) {
                // Left leased: it goes out once the lease runs out and this server holds the KEK again
                // (readiness says which one it needs). Unsigned, it must not go out at all.
                continue;
            }
            boolean redacted = delivery.redacted() || RoutingRule.redacts(subscriber, event.type());
            leased.add(new Outgoing(
                    delivery.id(),
                    subscription.getId(),
                    delivery.eventId(),
                    subscription.getUrl(),
                    redacted ? RedactedPayload.of(event.type(), delivery.payload()) : delivery.payload(),
                    signing.get(),
                    delivery.attempts()));
        }
        return leased;
    }

    /** A leased delivery as read: what sending it needs and what the routing rule asks about it. */
    private record Leased(
            long id,
            int attempts,
            boolean redacted,
            long subscriptionId,
            RoutingRule.RoutedEvent event,
            String eventId,
            String payload) {

        static Leased of(Object[] row) {
            return new Leased(
                    (Long) row[0],
                    (Integer) row[1],
                    (Boolean) row[2],
                    (Long) row[3],
                    new RoutingRule.RoutedEvent(
                            (Long) row[4], (String) row[6], (Long) row[7], (Instant) row[8], (String) row[9], (String)
                                    row[10]),
                    (String) row[5],
                    (String) row[11]);
        }
    }

    private Map<Long, WebhookSubscription> subscriptions(List<Leased> deliveries) {
        Set<Long> ids = deliveries.stream().map(Leased::subscriptionId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("WebhookSubscription.withIds", WebhookSubscription.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(WebhookSubscription::getId, Function.identity()));
    }

    /** The subscription's signing secrets in the clear, or empty when this server cannot open them. */
    private Optional<List<String>> signingSecrets(WebhookSubscription subscription, Instant now) {
        RowIdentity row = RowIdentity.webhookSubscription(subscription.getUid());
        try {
            return Optional.of(subscription.signingSecrets(now).stream()
                    .map(stored -> vault.open(stored, row))
                    .toList());
        } catch (SecretUnavailable e) {
            return Optional.empty();
        }
    }

    /** The subscribers of these deliveries and the credentials their events are about, read-only. */
    private Map<String, Credential> credentials(List<Leased> deliveries, Map<Long, WebhookSubscription> subscriptions) {
        Set<String> needed = new HashSet<>();
        subscriptions.values().forEach(s -> needed.add(s.getCredentialId()));
        for (Leased delivery : deliveries) {
            if (delivery.event().subject() != null) {
                needed.add(delivery.event().subject());
            }
        }
        return routingCredentials.byUid(needed);
    }

    /**
     * Dead-letters a delivery without sending it: its subscriber may no longer read what it carries. A
     * replay asks again, so it goes out once the subscriber may read it again, and not before.
     */
    private void withhold(WebhookDelivery delivery, Instant now) {
        delivery.withheld("withheld", now);
        letter(delivery, "withheld: the subscriber's credential may no longer receive this event's data", now);
        audit.action("webhook.delivery.withheld", delivery.getEvent().getEventId());
    }

    /**
     * Records what one batch of sends came to and leases the next batch (up to {@code max}, none when
     * 0), in one transaction: one commit per batch where the two would take two.
     */
    public List<Outgoing> recordAndLease(List<Outgoing> sent, List<SendResult> results, int max) {
        record(sent, results);
        return max > 0 ? lease(max) : List.of();
    }

    /**
     * Records what a batch of sends came to. The deliveries of a subscription whose every send in the
     * batch succeeded are settled with a few statements for the whole batch (the common case, and the
     * one a backlog is made of); a subscription with a failure among them goes one delivery at a time,
     * in the batch's order, through the retry schedule.
     */
    public void record(List<Outgoing> sent, List<SendResult> results) {
        Set<Long> failing = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!results.get(i).succeeded()) {
                failing.add(sent.get(i).subscriptionId());
            }
        }
        List<Integer> oneByOne = new ArrayList<>();
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            (failing.contains(sent.get(i).subscriptionId()) ? oneByOne : together).add(i);
        }
        if (!together.isEmpty()) {
            recordDelivered(
                    together.stream().map(sent::get).toList(),
                    together.stream().map(results::get).toList());
        }
        if (!oneByOne.isEmpty()) {
            Map<Long, WebhookDelivery> deliveries = em.createNamedQuery(
                            "WebhookDelivery.withSubscription", WebhookDelivery.class)
                    .setParameter(
                            "ids",
                            oneByOne.stream().map(i -> sent.get(i).deliveryId()).toList())
                    .getResultStream()
                    .collect(Collectors.toMap(WebhookDelivery::getId, Function.identity()));
            for (int i : oneByOne) {
                record(deliveries.get(sent.get(i).deliveryId()), sent.get(i), results.get(i));
            }
        }
    }

    /** Sends that all succeeded: their attempts, the deliveries done, their subscriptions' failure streaks over. */
    private void recordDelivered(List<Outgoing> sent, List<SendResult> results) {
        Instant now = clock.instant();
        // Deleted with their subscription meanwhile, or no longer pending: nothing to record.
        Set<Long> pending = new HashSet<>(em.createNamedQuery("WebhookDelivery.pendingOf", Long.class)
                .setParameter("ids", sent.stream().map(Outgoing::deliveryId).toList())
                .getResultList());
        Map<Integer, List<Long>> byStatus = new HashMap<>();
        Set<Long> subscriptions = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            Outgoing outgoing = sent.get(i);
            SendResult result = results.get(i);
            if (!pending.contains(outgoing.deliveryId())) {
                continue;
            }
            em.persist(new WebhookAttempt(
                    outgoing.deliveryId(),
                    outgoing.attemptsMade() + 1,
                    result.attemptedAt(),
                    result.statusCode(),
                    result.latencyMillis(),
                    result.outcome(),
                    result.responseExcerpt()));
            byStatus.computeIfAbsent(result.statusCode(), status -> new ArrayList<>())
                    .add(outgoing.deliveryId());
            subscriptions.add(outgoing.subscriptionId());
        }
        byStatus.forEach((status, ids) -> em.createNamedQuery("WebhookDelivery.delivered")
                .setParameter("status", status)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate());
        if (!subscriptions.isEmpty()) {
            em.createNamedQuery("WebhookSubscription.succeeded")
                    .setParameter("ids", subscriptions)
                    .executeUpdate();
        }
    }

    private void record(WebhookDelivery delivery, Outgoing outgoing, SendResult result) {
        Instant now = clock.instant();
        if (delivery == null || !WebhookDelivery.PENDING.equals(delivery.getStatus())) {
            return; // deleted with its subscription meanwhile
        }
        int attempt = outgoing.attemptsMade() + 1;
        em.persist(new WebhookAttempt(
                delivery.getId(),
                attempt,
                result.attemptedAt(),
                result.statusCode(),
                result.latencyMillis(),
                result.outcome(),
                result.responseExcerpt()));
        WebhookSubscription subscription = delivery.getSubscription();
        if (result.succeeded()) {
            delivery.succeeded(result.statusCode(), now);
            subscription.succeeded();
            return;
        }
        subscription.failed(now);
        if (result.gone()) {
            subscription.disable("the receiver answered 410 Gone", now);
            audit.action("webhook.subscription.disable", subscription.getUid());
            deadLetter(delivery, result, "410 Gone: the subscription was disabled", now);
            return;
        }
        Optional<Duration> wait = RetrySchedule.next(
                attempt, result.retryAfter(), ThreadLocalRandom.current().nextDouble());
        if (wait.isPresent()) {
            // The wait runs from the moment the attempt failed, not from when a batch got recorded.
            Instant failedAt = result.attemptedAt().plusMillis(result.latencyMillis());
            delivery.retryAt(failedAt.plus(wait.get()), result.statusCode(), result.outcome(), now);
        } else {
            deadLetter(
                    delivery,
                    result,
                    "exhausted " + RetrySchedule.ATTEMPTS + " attempts; last: " + result.outcome(),
                    now);
        }
        if (subscription.isActive()
                && subscription.getFailingSince() != null
                && !now.isBefore(subscription.getFailingSince().plus(settings.disableAfter()))) {
            subscription.disable(
                    "every delivery failed for " + settings.disableAfter().toDays() + " days", now);
            audit.action("webhook.subscription.disable", subscription.getUid());
        }
    }

    private void deadLetter(WebhookDelivery delivery, SendResult result, String reason, Instant now) {
        delivery.dead(result.statusCode(), result.outcome(), now);
        letter(delivery, reason, now);
        audit.failure("webhook.delivery.exhausted", delivery.getEvent().getEventId(), null);
        incidents.fire(new WebhookIncident(
                delivery.getSubscription().getUid(), delivery.getEvent().getEventId(), reason));
        LOG.warnf(
                "Webhook event %s to subscription %s is dead-lettered: %s",
                delivery.getEvent().getEventId(), delivery.getSubscription().getUid(), reason);
    }

    /** The delivery's one dead-letter row, new or failed again. */
    private void letter(WebhookDelivery delivery, String reason, Instant now) {
        Optional<DeadLetter> existing = em.createNamedQuery("DeadLetter.ofDelivery", DeadLetter.class)
                .setParameter("delivery", delivery.getId())
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            existing.get().failedAgain(reason, now);
        } else {
            em.persist(new DeadLetter(delivery, reason, now));
        }
    }
}
