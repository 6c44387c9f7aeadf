package dev.agentry.core.webhooks;

import dev.agentry.core.policy.Grant;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.WebhookDelivery;
import dev.agentry.persistence.webhooks.WebhookEvent;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns outbox events into deliveries, in one transaction per batch, by the {@link RoutingRule}.
 * Subscriptions of paused, revoked or expired credentials get nothing, and a subscription gets no
 * event that occurred before it was created. Each delivery records whether it goes out redacted,
 * decided by its subscriber's scopes at routing time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookRouting {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RoutingCredentials routingCredentials;

    /** Routes up to {@code max} events; returns how many it routed. */
    public int route(int max) {
        // Only what routing needs: loading the events would load (and dirty-check) their payloads.
        List<RoutingRule.RoutedEvent> events = em.createNamedQuery("WebhookEvent.unrouted", Object[].class)
                .setMaxResults(max)
                .getResultStream()
                .map(e -> new RoutingRule.RoutedEvent(
                        (Long) e[0], (String) e[1], (Long) e[2], (Instant) e[3], (String) e[4], (String) e[5]))
                .toList();
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<WebhookSubscription> subscriptions = em.createNamedQuery(
                        "WebhookSubscription.active", WebhookSubscription.class)
                .getResultList();
        Map<String, Credential> credentials = credentials(subscriptions, events);
        Map<String, Grant> grants = new HashMap<>();
        List<WebhookSubscription> eligible = new ArrayList<>();
        for (WebhookSubscription subscription : subscriptions) {
            Credential owner = credentials.get(subscription.getCredentialId());
            if (RoutingRule.usable(owner, now)) {
                eligible.add(subscription);
                grants.computeIfAbsent(owner.getUid(), id -> new Grant(id, Set.copyOf(owner.getScopes())));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (RoutingRule.RoutedEvent event : events) {
            Optional<List<String>> subjectScopes =
                    Optional.ofNullable(event.subject()).map(credentials::get).map(Credential::getScopes);
            for (WebhookSubscription subscription : eligible) {
                Credential owner = credentials.get(subscription.getCredentialId());
                Grant grant = grants.get(owner.getUid());
                // A subscription hears of what happens once it exists, not of an older backlog.
                if (!subscription.getCreatedAt().isAfter(event.occurredAt())
                        && RoutingRule.selects(
                                event,
                                subscription.getId(),
                                subscription.getEventTypes(),
                                owner.getEventInterests(),
                                grant,
                                subjectScopes)) {
                    em.persist(new WebhookDelivery(
                            em.getReference(WebhookEvent.class, event.id()),
                            subscription,
                            RoutingRule.redacts(grant, event.type()),
                            now));
                }
            }
            ids.add(event.id());
        }
        em.createNamedQuery("WebhookEvent.routed").setParameter("ids", ids).executeUpdate();
        return events.size();
    }

    /**
     * The credentials this batch needs, and no others: the owners of active subscriptions and the
     * credentials the events are about. Read-only: routing never changes them.
     */
    private Map<String, Credential> credentials(
            List<WebhookSubscription> subscriptions, List<RoutingRule.RoutedEvent> events) {
        Set<String> needed = new HashSet<>();
        subscriptions.forEach(s -> needed.add(s.getCredentialId()));
        events.stream()
                .map(RoutingRule.RoutedEvent::subject)
                .filter(Objects::nonNull)
                .forEach(needed::add);
        return routingCredentials.byUid(needed);
    }
}
