package dev.agentry.core.catalog;

import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.persistence.catalog.CatalogItem;
import java.util.Locale;

/**
 * A catalog record created, updated or deleted, fired by {@link CatalogStore} in the transaction that
 * wrote it; the changes feed observes it synchronously, so the change record and its webhook event
 * commit or roll back with the write.
 *
 * @param collection the record's collection
 * @param item the record as written (for a delete, its tombstone)
 * @param action what happened to it
 */
public record CatalogChange(CollectionDescriptor collection, CatalogItem item, Action action) {

    /** What happened to a record. */
    public enum Action {
        CREATE,
        UPDATE,
        DELETE;

        /** The wire form, as the feed and the events name it. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
