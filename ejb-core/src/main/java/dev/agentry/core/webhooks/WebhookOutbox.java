package dev.agentry.core.webhooks;

import dev.agentry.core.policy.CredentialEvent;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.WebhookEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts events in the outbox, in the caller's transaction: a change that rolls back leaves no event,
 * one that commits leaves exactly one. The dispatcher routes and delivers them afterwards.
 */
@ApplicationScoped
public class WebhookOutbox {

    // One instance for the application: building a Jsonb scans for providers and is slow.
    private final Jsonb json = JsonbBuilder.create();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            // nothing left to release at shutdown
        }
    }

    /**
     * An event for every subscription that routing selects. A catalog change carries its snapshot
     * whole: each delivery is redacted for its subscriber's scopes (see {@link WebhookRouting}).
     */
    public WebhookEvent publish(String type, Map<String, ?> data) {
        return publish(type, data, null, null);
    }

    /**
     * An event about a credential — its own event, or one of a run it owns — which routing offers
     * only to subscribers who may see that credential's data ({@link RoutingRule}).
     */
    public WebhookEvent publishAbout(String credentialId, String type, Map<String, ?> data) {
        return publish(type, data, null, credentialId);
    }

    /**
     * An event about a credential's request that carries data of {@code collection} (an approval):
     * routing offers it only to subscribers who read that collection ({@link RoutingRule}).
     */
    public WebhookEvent publishCarrying(String credentialId, String collection, String type, Map<String, ?> data) {
        WebhookEvent event = publish(type, data, null, credentialId);
        event.carries(collection);
        return event;
    }

    /** A credential's event goes out in the transaction that caused it (observed synchronously). */
    void publish(@Observes CredentialEvent event) {
        publishAbout(event.credentialId(), event.type(), event.data());
    }

    /** An event for one subscription only: the one its owner asked it for. */
    WebhookEvent publishTo(long subscriptionId, String type, Map<String, ?> data) {
        return publish(type, data, subscriptionId, null);
    }

    private WebhookEvent publish(String type, Map<String, ?> data, Long target, String subject) {
        if (EventCatalog.named(type).isEmpty()) {
            throw new IllegalArgumentException(type + " is not in the event catalog");
        }
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("type", type);
        payload.put("occurredAt", at.toString());
        payload.put("data", data);
        WebhookEvent event = new WebhookEvent(id, type, at, json.toJson(payload), target, subject);
        em.persist(event);
        return event;
    }
}
