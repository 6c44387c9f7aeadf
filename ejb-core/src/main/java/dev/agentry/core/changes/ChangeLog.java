package dev.agentry.core.changes;

import dev.agentry.core.catalog.CatalogChange;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.changes.ChangeRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records every catalog write the {@code CatalogStore} announces: its change record for the feed and
 * its webhook event, observed synchronously in the writer's transaction, so both commit or roll back
 * with the write.
 */
@ApplicationScoped
class ChangeLog {

    // One instance for the application: building a Jsonb scans for providers and is slow.
    private final Jsonb json = JsonbBuilder.create();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    WebhookOutbox outbox;

    @PreDestroy
    void close() throws Exception {
        json.close();
    }

    void record(@Observes CatalogChange change) {
        CatalogItem item = change.item();
        String action = change.action().wire();
        if (change.action() == CatalogChange.Action.DELETE) {
            em.persist(new ChangeRecord(
                    change.collection().name(), item.getUid(), action, item.getVersion(), item.getUpdatedAt(), null));
            publish(change.collection(), item, action, item.getVersion(), null);
            return;
        }
        Map<String, Object> snapshot = item.snapshot();
        snapshot.put("version", item.getVersion());
        em.persist(new ChangeRecord(
                change.collection().name(),
                item.getUid(),
                action,
                item.getVersion(),
                item.getUpdatedAt(),
                json.toJson(snapshot)));
        publish(change.collection(), item, action, item.getVersion(), snapshot);
    }

    /**
     * The change as a webhook event, snapshot whole: routing decides per subscription whether its
     * scopes reach the collection at all, and whether its delivery goes out with personal data redacted.
     */
    private void publish(
            CollectionDescriptor type, CatalogItem item, String action, long version, Map<String, Object> snapshot) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceType", type.name());
        data.put("resourceId", item.getUid());
        data.put("action", action);
        data.put("version", version);
        data.put("changedAt", item.getUpdatedAt().toString());
        data.put("snapshot", snapshot);
        outbox.publish(EventCatalog.ofChange(type, action), data);
    }
}
