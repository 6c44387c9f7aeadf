package dev.agentry.core.changes;

import dev.agentry.core.Boundary;
import dev.agentry.core.catalog.PersonalData;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.changes.ChangeFeedState;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code GET /changes}: every create, update and delete of the catalog the caller may read, in feed
 * order, redacted as the collection routes are, with cursors that are opaque, versioned and bound to
 * the {@code types} filter (or the readable set) they were issued for.
 */
@Stateless
@Boundary
public class ChangeFeed {

    /** How far retention has removed the feed. */
    private static final String PURGED = "select s.purgedThrough from ChangeFeedState s where s.id = :state";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogCollections collections;

    @Inject
    CursorSeal seal;

    /**
     * A page of the changes {@code grant} may read. With {@code types}, every named collection must
     * be readable ({@code scope_denied} otherwise); without, the page holds only the collections it
     * may read, filtered in the query so pages stay full. A cursor is bound to the set it was issued
     * for — the named types, or the readable set — so a caller whose scopes changed mid-walk starts
     * again ({@code cursor_invalid}) instead of silently missing or gaining a collection's history.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement reads a page: nothing to commit
    public Page<ChangeItem> read(String cursor, String types, PageLimit limit, Grant grant) {
        int size = limit.value();
        TreeSet<String> named = types(types);
        refuseUnreadable(named, grant);
        TreeSet<String> selected = named.isEmpty() ? readable(grant) : named;
        String binding = binding(named, selected);
        boolean resumed = cursor != null && !cursor.isBlank();
        long after = resumed ? position(cursor, binding) : 0;
        if (selected.isEmpty()) {
            // A changes:read caller without any collection scope: an empty feed, and a cursor to keep.
            return new Page<>(List.of(), cursor(binding, from(resumed, after, purgedThrough())), false, 0);
        }
        boolean everything = selected.size() == collections.all().size();
        // Rows, not entities (nothing of a page changes), with the retention horizon read in the same statement,
        // so that a page is one consistent read.
        TypedQuery<Object[]> query = em.createQuery(
                        "select " + ChangeRow.COLUMNS + ", (" + PURGED + ") from ChangeRecord c"
                                + " where c.position > :after and c.position > (" + PURGED + ")"
                                + (everything ? "" : " and c.resourceType in :types")
                                + " order by c.position",
                        Object[].class)
                .setParameter("after", after)
                .setParameter("state", ChangeFeedState.ID)
                .setMaxResults(size + 1);
        if (!everything) {
            query.setParameter("types", selected);
        }
        List<Object[]> found = query.getResultList();
        if (found.isEmpty()) {
            return new Page<>(List.of(), cursor(binding, from(resumed, after, purgedThrough())), false, 0);
        }
        from(resumed, after, (Long) found.get(0)[ChangeRow.COUNT]);
        boolean hasMore = found.size() > size;
        List<ChangeRow> shown = (hasMore ? found.subList(0, size) : found)
                .stream().map(ChangeRow::of).toList();
        String sealed = seal.seal(FeedCursor.span(
                binding, shown.get(0).position(), shown.get(shown.size() - 1).position()));
        Redaction redaction = new Redaction(grant);
        List<ChangeItem> data = new ArrayList<>(shown.size());
        for (ChangeRow change : shown) {
            data.add(new ChangeItem(
                    FeedCursor.at(sealed, change.position()),
                    change.resourceType(),
                    change.resourceId(),
                    change.action(),
                    change.version(),
                    change.changedAt(),
                    redaction.snapshot(change)));
        }
        return new Page<>(data, data.get(data.size() - 1).cursor(), hasMore, data.size());
    }

    /**
     * Where a page starts: after the cursor's position, or after what retention removed when that is further;
     * a cursor into what retention removed has expired.
     */
    private static long from(boolean resumed, long after, long purged) {
        if (resumed && after < purged) {
            throw new AgentryException(
                    ErrorCode.CURSOR_EXPIRED,
                    "Retention has removed the changes this cursor points at; resynchronise the collections"
                            + " and start the feed again without a cursor.");
        }
        return Math.max(after, purged);
    }

    private long purgedThrough() {
        return em.createQuery(PURGED, Long.class)
                .setParameter("state", ChangeFeedState.ID)
                .getSingleResult();
    }

    /** The feed position a cursor stands at, whatever its types filter; for checkpoints. */
    public long positionOf(String cursor) {
        return FeedCursor.read(cursor, seal::open).position();
    }

    /**
     * The stored snapshots of a page, untouched unless personal data must come out of them; whether it must
     * is asked once per collection a page holds.
     */
    private final class Redaction {

        private final Grant grant;
        private final Map<String, Optional<CollectionDescriptor>> redacted = new HashMap<>();

        Redaction(Grant grant) {
            this.grant = grant;
        }

        String snapshot(ChangeRow change) {
            return redacted.computeIfAbsent(
                            change.resourceType(),
                            type -> collections
                                    .named(type)
                                    .filter(collection -> !grant.revealsPersonalData(collection)))
                    .map(collection -> PersonalData.redacted(collection, change.snapshot()))
                    .orElse(change.snapshot());
        }
    }

    /** {@code scope_denied} naming the scope of the first named collection the caller may not read. */
    private void refuseUnreadable(TreeSet<String> named, Grant grant) {
        named.stream()
                .map(name -> collections.named(name).orElseThrow())
                .filter(collection -> !grant.reads(collection))
                .findFirst()
                .ifPresent(collection -> {
                    throw new AgentryException(
                            ErrorCode.SCOPE_DENIED,
                            "The types filter names " + collection.name() + ", which needs the "
                                    + collection.readScope() + " scope.");
                });
    }

    /** The collections {@code grant} may read, by name. */
    private TreeSet<String> readable(Grant grant) {
        return collections.all().stream()
                .filter(grant::reads)
                .map(CollectionDescriptor::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What a cursor is bound to: the named types; or, without types, the caller's readable set —
     * empty for every collection (what cursors issued before scopes filtered the feed are bound to,
     * so those stay valid for a caller who reads everything), {@code *} and the names otherwise.
     */
    private String binding(TreeSet<String> named, TreeSet<String> selected) {
        if (!named.isEmpty()) {
            return String.join(",", named);
        }
        return selected.size() == collections.all().size() ? "" : "*" + String.join(",", selected);
    }

    private TreeSet<String> types(String types) {
        TreeSet<String> selected = new TreeSet<>();
        if (types == null || types.isBlank()) {
            return selected;
        }
        for (String type : types.split(",")) {
            String name = type.strip();
            if (collections.named(name).isEmpty()) {
                throw AgentryException.validation(List.of(new FieldError(
                        "types",
                        "unknown_type",
                        "types: " + FieldError.quoted(name) + " is not a collection; see /capabilities")));
            }
            selected.add(name);
        }
        return selected;
    }

    /** The cursor of a page without changes: it resumes where the page was asked from. */
    private String cursor(String binding, long position) {
        return FeedCursor.at(seal.seal(FeedCursor.span(binding, position, position)), position);
    }

    private long position(String cursor, String binding) {
        FeedCursor read = FeedCursor.read(cursor, seal::open);
        if (!read.binding().equals(binding)) {
            throw CursorSeal.invalid("The cursor was issued for another types filter, or for other scopes; use"
                    + " the same types, or start again without a cursor.");
        }
        return read.position();
    }
}
