package dev.agentry.core.changes;

import dev.agentry.core.catalog.CatalogCollections;
import dev.agentry.core.catalog.CollectionDescriptor;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.changes.ChangeFeedState;
import dev.agentry.persistence.changes.ChangeRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /changes}: every create, update and delete of the catalog, in feed order, with cursors
 * that are opaque, versioned and bound to the {@code types} filter they were issued for.
 */
@Stateless
public class ChangeFeed {

    private static final String CURSOR_VERSION = "c1";

    // Json.create* looks the provider up through the ServiceLoader on every call; once is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogCollections collections;

    @Inject
    CursorSeal seal;

    public ChangePage read(String cursor, String types, String limit, Set<String> scopes) {
        int size = PageLimit.parse(limit);
        TreeSet<String> selected = types(types);
        String binding = String.join(",", selected);
        long after = cursor == null || cursor.isBlank() ? 0 : position(cursor, binding);
        long purged = em.find(ChangeFeedState.class, ChangeFeedState.ID).getPurgedThrough();
        if (after < purged && cursor != null && !cursor.isBlank()) {
            throw new AgentryException(
                    ErrorCode.CURSOR_EXPIRED,
                    "Retention has removed the changes this cursor points at; resynchronise the collections"
                            + " and start the feed again without a cursor.");
        }
        TypedQuery<ChangeRecord> query = em.createQuery(
                        "select c from ChangeRecord c where c.position > :after"
                                + (selected.isEmpty() ? "" : " and c.resourceType in :types")
                                + " order by c.position",
                        ChangeRecord.class)
                .setParameter("after", Math.max(after, purged))
                .setMaxResults(size + 1);
        if (!selected.isEmpty()) {
            query.setParameter("types", selected);
        }
        List<ChangeRecord> found = query.getResultList();
        boolean hasMore = found.size() > size;
        List<ChangeRecord> shown = hasMore ? found.subList(0, size) : found;
        List<ChangeItem> data = new ArrayList<>(shown.size());
        for (ChangeRecord change : shown) {
            data.add(new ChangeItem(
                    cursor(binding, change.getPosition()),
                    change.getResourceType(),
                    change.getResourceId(),
                    change.getAction(),
                    change.getVersion(),
                    change.getChangedAt(),
                    snapshot(change, scopes)));
        }
        String next = data.isEmpty()
                ? cursor(binding, Math.max(after, purged))
                : data.get(data.size() - 1).cursor();
        return new ChangePage(data, next, hasMore, data.size());
    }

    /** The feed position a cursor stands at, whatever its types filter; for checkpoints. */
    public long positionOf(String cursor) {
        String[] parts = parts(cursor);
        return Long.parseLong(parts[2]);
    }

    /** The stored snapshot, untouched unless personal data must come out of it. */
    private String snapshot(ChangeRecord change, Set<String> scopes) {
        CollectionDescriptor type = collections.named(change.getResourceType()).orElse(null);
        if (change.getSnapshot() == null
                || type == null
                || type.sensitiveFields().isEmpty()
                || type.revealsTo(scopes)) {
            return change.getSnapshot();
        }
        JsonObject stored;
        try (JsonReader reader = JSON.createReader(new StringReader(change.getSnapshot()))) {
            stored = reader.readObject();
        }
        JsonObjectBuilder redacted = JSON.createObjectBuilder(stored);
        type.sensitiveFields().forEach(f -> redacted.add(f.name(), JsonValue.NULL));
        redacted.add("redacted", true);
        return redacted.build().toString();
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

    private String cursor(String binding, long position) {
        return seal.seal(CURSOR_VERSION + "|" + binding + "|" + position);
    }

    private long position(String cursor, String binding) {
        String[] parts = parts(cursor);
        if (!parts[1].equals(binding)) {
            throw CursorSeal.invalid("The cursor was issued for another types filter; use the same types, or"
                    + " start again without a cursor.");
        }
        return Long.parseLong(parts[2]);
    }

    private String[] parts(String cursor) {
        String[] parts = seal.open(cursor).split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals(CURSOR_VERSION)) {
            throw CursorSeal.invalid("The cursor is not a changes cursor.");
        }
        return parts;
    }
}
