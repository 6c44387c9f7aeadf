package dev.agentry.core.catalog;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.catalog.Entry;
import dev.agentry.persistence.catalog.Section;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Changes to the catalog made inside Agentry (demo data, imports), each with its change record. The
 * read API itself never writes; governed writes are a later, separate surface.
 */
@Stateless
public class CatalogWriter {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogStore changes;

    @Inject
    CatalogCollections collections;

    @Inject
    Clock clock;

    public <T extends CatalogItem> T create(T item) {
        return changes.create(item);
    }

    /** A new draft entry in the section with {@code sectionHandle}. */
    public Entry draft(String sectionHandle, String title, String slug, String fieldsJson, String author) {
        return changes.create(new Entry(section(sectionHandle), title, slug, fieldsJson, author));
    }

    public Entry publish(String entryUid) {
        Entry entry = find(Entry.class, entryUid);
        entry.publish(clock.instant());
        return changes.update(entry);
    }

    public Entry retitle(String entryUid, String title) {
        Entry entry = find(Entry.class, entryUid);
        entry.retitle(title);
        return changes.update(entry);
    }

    /** Soft-deletes a record of any collection by uid. */
    public void delete(String collection, String uid) {
        CollectionDescriptor descriptor = collections
                .named(collection)
                .orElseThrow(() -> AgentryException.notFound("There is no collection " + collection + "."));
        changes.delete(find(descriptor.entity(), uid));
    }

    public Section section(String handle) {
        List<Section> found = em.createQuery(
                        "select s from Section s where s.handle = :handle and s.deletedAt is null", Section.class)
                .setParameter("handle", handle)
                .getResultList();
        if (found.isEmpty()) {
            throw AgentryException.notFound("There is no section " + FieldError.quoted(handle) + ".");
        }
        return found.get(0);
    }

    private <T extends CatalogItem> T find(Class<T> type, String uid) {
        List<T> found = em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e.uid = :uid and e.deletedAt is null", type)
                .setParameter("uid", uid)
                .getResultList();
        if (found.isEmpty()) {
            throw AgentryException.notFound("There is no record " + uid + ".");
        }
        return found.get(0);
    }
}
