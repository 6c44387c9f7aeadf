package dev.agentry.core.catalog;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The only way catalog records are written: each create, update and delete goes to the database in
 * the caller's transaction and is announced as a {@link CatalogChange} in it, which the changes feed
 * records, so a rolled-back write leaves no trace in the feed or the outbox and a committed one is in both.
 */
@ApplicationScoped
class CatalogStore {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogCollections collections;

    @Inject
    Clock clock;

    @Inject
    Event<CatalogChange> changes;

    /** Stores a new record. */
    public <T extends CatalogItem> T create(T item) {
        item.touch(clock.instant());
        em.persist(item); // assigns the id and the first version without a flush
        announce(item, CatalogChange.Action.CREATE);
        return item;
    }

    /** Records a change already made to a managed record (call after changing it). */
    public <T extends CatalogItem> T update(T item) {
        item.touch(clock.instant());
        em.flush(); // writes the change, so the change carries the version it got
        announce(item, CatalogChange.Action.UPDATE);
        return item;
    }

    /** Soft-deletes a record; the feed carries a tombstone. */
    public void delete(CatalogItem item) {
        item.delete(clock.instant());
        em.flush();
        announce(item, CatalogChange.Action.DELETE);
    }

    private void announce(CatalogItem item, CatalogChange.Action action) {
        CollectionDescriptor collection = collections
                .of(item.getClass())
                .orElseThrow(() -> new IllegalArgumentException(item.getClass() + " is not a catalog collection"));
        changes.fire(new CatalogChange(collection, item, action));
    }
}
