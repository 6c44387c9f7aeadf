package dev.agentry.core.control.actions;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The record an update or delete acts on, as the caller last saw it: a record that is missing or
 * deleted is {@code not_found}; one whose version moved past {@code expectedVersion} is {@code
 * conflict} (read it again and decide again). The row is locked until the transaction ends, so the
 * version checked is the version written over.
 */
@ApplicationScoped
class CatalogTargets {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    <T extends CatalogItem> T current(Class<T> type, String uid, long expectedVersion) {
        T item = em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e.uid = :uid and e.deletedAt is null", type)
                .setParameter("uid", uid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound("There is no " + itemName(type) + " " + uid + "."));
        if (item.getVersion() != expectedVersion) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "The " + itemName(type) + " " + uid + " is at version " + item.getVersion() + ", not "
                            + expectedVersion + ": read it again and decide on what it is now.");
        }
        return item;
    }

    static CollectionDescriptor collectionOf(Class<? extends CatalogItem> type) {
        return CatalogCollections.ALL.stream()
                .filter(c -> c.entity().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a catalog collection"));
    }

    private String itemName(Class<? extends CatalogItem> type) {
        return collectionOf(type).itemName();
    }
}
