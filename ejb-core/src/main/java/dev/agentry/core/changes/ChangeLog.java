package dev.agentry.core.changes;

import dev.agentry.core.catalog.CatalogCollections;
import dev.agentry.core.catalog.CollectionDescriptor;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.changes.ChangeRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only way catalog records are written: each create, update and delete goes to the database
 * together with its change record and its webhook event, in the caller's transaction, so a
 * rolled-back change leaves no trace in the feed or the outbox and a committed one is in both.
 */
@ApplicationScoped
public class ChangeLog {

    // One instance for the application: building a Jsonb scans for providers and is slow.
    private final Jsonb json = JsonbBuilder.create();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogCollections collections;

    @Inject
    Clock clock;

    @Inject
    WebhookOutbox outbox;

    @PreDestroy
    void close() throws Exception {
        json.close();
    }

    /** Stores a new record. */
    public <T extends CatalogItem> T create(T item) {
        item.touch(clock.instant());
        em.persist(item); // assigns the id and the first version without a flush
        record(item, "create", item.getVersion());
        return item;
    }

    /** Records a change already made to a managed record (call after changing it). */
    public <T extends CatalogItem> T update(T item) {
        item.touch(clock.instant());
        em.flush(); // writes the change, so the record carries the version it got
        record(item, "update", item.getVersion());
        return item;
    }

    /** Soft-deletes a record; the feed carries a tombstone. */
    public void delete(CatalogItem item) {
        item.delete(clock.instant());
        em.flush();
        CollectionDescriptor type = type(item);
        em.persist(
                new ChangeRecord(type.name(), item.getUid(), "delete", item.getVersion(), item.getUpdatedAt(), null));
        publish(type, item, "delete", item.getVersion(), null);
    }

    private void record(CatalogItem item, String action, long version) {
        CollectionDescriptor type = type(item);
        Map<String, Object> snapshot = item.snapshot();
        snapshot.put("version", version);
        em.persist(new ChangeRecord(
                type.name(), item.getUid(), action, version, item.getUpdatedAt(), json.toJson(snapshot)));
        publish(type, item, action, version, snapshot);
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

    private CollectionDescriptor type(CatalogItem item) {
        return collections
                .of(item.getClass())
                .orElseThrow(() -> new IllegalArgumentException(item.getClass() + " is not a catalog collection"));
    }
}
