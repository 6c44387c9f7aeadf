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
import dev.agentry.persistence.webhooks.WebhookEvent;
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
        List<WebhookDelivery> deliveries = em.createNamedQuery("WebhookDelivery.leased", WebhookDelivery.class)
                .setParameter("ids", due)
                .setParameter("token", token)
                .getResultList();
        Map<String, Credential> credentials = credentials(deliveries);
        List<Outgoing> leased = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries) {
            WebhookSubscription subscription = delivery.getSubscription();
            WebhookEvent event = delivery.getEvent();
            // Asked again at every send, retries and replays included: what routing allowed may since
            // have been taken away (a scope, :read_sensitive, the credential itself).
            Credential owner = credentials.get(subscription.getCredentialId());
            Grant subscriber = owner == null ? null : new Grant(owner.getUid(), Set.copyOf(owner.getScopes()));
            RoutingRule.RoutedEvent routed = new RoutingRule.RoutedEvent(
                    event.getId(),
                    event.getType(),
                    event.getTargetSubscription(),
                    event.getOccurredAt(),
                    event.getSubject(),
                    event.getCollection());
            Optional<List<String>> subjectScopes = Optional.ofNullable(event.getSubject())
                    .map(credentials::get)
                    .map(Credential::getScopes);
            if (!RoutingRule.usable(owner, now) || !RoutingRule.mayRead(subscriber, routed, subjectScopes)) {
                withhold(delivery, now);
                continue;
            }
            boolean redacted = delivery.isRedacted() || RoutingRule.redacts(subscriber, event.getType());
            RowIdentity row = RowIdentity.webhookSubscription(subscription.getUid());
            List<String> secrets;
            try {
                secrets = subscription.signingSecrets(now).stream()
                        .map(stored -> vault.open(stored, row))
                        .toList();
            } catch (SecretUnavailable e) {
                // Left leased: it goes out once the lease runs out and this server holds the KEK again
                // (readiness says which one it needs). Unsigned, it must not go out at all.
                continue;
            }
            leased.add(new Outgoing(
                    delivery.getId(),
                    event.getEventId(),
                    subscription.getUrl(),
                    redacted ? RedactedPayload.of(event.getType(), event.getPayload()) : event.getPayload(),
                    secrets,
                    delivery.getAttempts()));
        }
        return leased;
    }

    /** The subscribers of these deliveries and the credentials their events are about, read-only. */
    private Map<String, Credential> credentials(List<WebhookDelivery> deliveries) {
        Set<String> needed = new HashSet<>();
        for (WebhookDelivery delivery : deliveries) {
            needed.add(delivery.getSubscription().getCredentialId());
            if (delivery.getEvent().getSubject() != null) {
                needed.add(delivery.getEvent().getSubject());
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

    /** Records what a batch of sends came to. */
    public void record(List<Outgoing> sent, List<SendResult> results) {
        Map<Long, WebhookDelivery> deliveries = em.createNamedQuery(
                        "WebhookDelivery.withSubscription", WebhookDelivery.class)
                .setParameter("ids", sent.stream().map(Outgoing::deliveryId).toList())
                .getResultStream()
                .collect(Collectors.toMap(WebhookDelivery::getId, Function.identity()));
        for (int i = 0; i < sent.size(); i++) {
            record(deliveries.get(sent.get(i).deliveryId()), sent.get(i), results.get(i));
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
