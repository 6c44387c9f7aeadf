package dev.agentry.core.webhooks;

import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.policy.CredentialState;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns outbox events into deliveries, in one transaction per batch, by the {@link RoutingRule}.
 * Subscriptions of paused, revoked or expired credentials get nothing, and a subscription gets no
 * event that occurred before it was created.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookRouting {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    /** Routes up to {@code max} events; returns how many it routed. */
    public int route(int max) {
        // Only what routing needs: loading the events would load (and dirty-check) their payloads.
        List<Object[]> events = em.createNamedQuery("WebhookEvent.unrouted", Object[].class)
                .setMaxResults(max)
                .getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<WebhookSubscription> subscriptions = em.createNamedQuery(
                        "WebhookSubscription.active", WebhookSubscription.class)
                .getResultList();
        Map<String, Credential> owners = em.createQuery("select c from Credential c", Credential.class)
                .getResultStream()
                .collect(Collectors.toMap(Credential::getUid, Function.identity()));
        boolean targeted =
                owners.values().stream().anyMatch(c -> !c.getEventInterests().isEmpty());
        List<WebhookSubscription> eligible = subscriptions.stream()
                .filter(s -> usable(owners.get(s.getCredentialId()), now))
                .toList();
        List<Long> ids = new ArrayList<>();
        for (Object[] event : events) {
            long id = (Long) event[0];
            Instant occurredAt = (Instant) event[3];
            for (WebhookSubscription subscription : eligible) {
                // A subscription hears of what happens once it exists, not of an older backlog.
                if (!subscription.getCreatedAt().isAfter(occurredAt)
                        && RoutingRule.selects(
                                (String) event[1],
                                (Long) event[2],
                                subscription.getId(),
                                subscription.getEventTypes(),
                                owners.get(subscription.getCredentialId()).getEventInterests(),
                                targeted)) {
                    em.persist(new WebhookDelivery(em.getReference(WebhookEvent.class, id), subscription, now));
                }
            }
            ids.add(id);
        }
        em.createNamedQuery("WebhookEvent.routed").setParameter("ids", ids).executeUpdate();
        return events.size();
    }

    private static boolean usable(Credential owner, Instant now) {
        return owner != null
                && owner.getStatus() == CredentialState.ACTIVE
                && (owner.getExpiresAt() == null || owner.getExpiresAt().isAfter(now));
    }
}
