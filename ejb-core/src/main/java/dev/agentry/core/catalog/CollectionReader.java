package dev.agentry.core.catalog;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.collections.CollectionField;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads any collection by its descriptor: keyset paging on the record id (a page deep in the
 * collection costs what the first one does), {@code updatedSince}, text search, filters, projection and
 * redaction of personal data. Soft-deleted records are not listed.
 */
@Stateless
@Boundary
public class CollectionReader {

    private static final String CURSOR_VERSION = "k1";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogCollections collections;

    @Inject
    CursorSeal seal;

    public Page<Map<String, Object>> page(String collection, CollectionRequest request, Grant grant) {
        CollectionDescriptor descriptor = readable(collection, grant);
        int limit = request.limit().value();
        Instant since = request.updatedSince();
        List<String> projection = projection(descriptor, request.fields());
        List<Filter> filters = request.filters().stream().map(Filter::parse).toList();
        String q = request.q() == null || request.q().isBlank()
                ? null
                : request.q().strip();
        boolean reveals = grant.revealsPersonalData(descriptor);
        String binding = binding(descriptor, since, q, request.filters());
        long after = after(request.cursor(), binding);

        StringBuilder jpql = new StringBuilder("select e from ")
                .append(descriptor.entityName())
                .append(" e where e.deletedAt is null and e.id > :after");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", after);
        if (since != null) {
            jpql.append(" and e.updatedAt >= :since");
            parameters.put("since", since);
        }
        if (q != null) {
            List<String> searched = descriptor.fields().stream()
                    .filter(f -> f.searchable() && (reveals || !f.sensitive()))
                    .map(f -> "lower(" + f.path() + ") like :q escape '\\'")
                    .toList();
            if (searched.isEmpty()) {
                jpql.append(" and 1 = 0"); // nothing this caller may search can match
            } else {
                jpql.append(" and (").append(String.join(" or ", searched)).append(')');
                parameters.put("q", new Filter("q", Filter.Match.CONTAINS, q).likePattern());
            }
        }
        for (int i = 0; i < filters.size(); i++) {
            restrict(descriptor, filters.get(i), "f" + i, reveals, jpql, parameters);
        }
        jpql.append(" order by e.id");

        // Read-only: a page is only read, so the persistence context keeps no copies to compare at commit.
        TypedQuery<? extends CatalogItem> query = em.createQuery(jpql.toString(), descriptor.entity())
                .setMaxResults(limit + 1)
                .setHint("org.hibernate.readOnly", true);
        parameters.forEach(query::setParameter);
        List<? extends CatalogItem> found = query.getResultList();
        boolean hasMore = found.size() > limit;
        List<? extends CatalogItem> shown = hasMore ? found.subList(0, limit) : found;
        List<Map<String, Object>> data = new ArrayList<>(shown.size());
        for (CatalogItem item : shown) {
            data.add(project(
                    reveals ? item.snapshot() : PersonalData.redacted(descriptor, item.snapshot()), projection));
        }
        String next = hasMore ? cursor(binding, shown.get(shown.size() - 1).getId()) : null;
        return new Page<>(data, next, hasMore, data.size());
    }

    /** One record by id, uid, or (for orders) number; {@code not_found} if absent or deleted. */
    public Map<String, Object> one(String collection, String key, String fields, Grant grant) {
        CollectionDescriptor descriptor = readable(collection, grant);
        List<String> projection = projection(descriptor, fields);
        StringBuilder jpql = new StringBuilder("select e from ")
                .append(descriptor.entityName())
                .append(" e where e.deletedAt is null and (e.uid = :key");
        Long id = key.chars().allMatch(Character::isDigit) && key.length() < 19 ? Long.valueOf(key) : null;
        if (id != null) {
            jpql.append(" or e.id = :id");
        }
        if (descriptor.field("number").isPresent()) {
            jpql.append(" or e.number = :key");
        }
        jpql.append(')');
        TypedQuery<? extends CatalogItem> query = em.createQuery(jpql.toString(), descriptor.entity())
                .setParameter("key", key)
                .setHint("org.hibernate.readOnly", true);
        if (id != null) {
            query.setParameter("id", id);
        }
        List<? extends CatalogItem> found = query.setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw AgentryException.notFound("There is no " + collection + " record " + FieldError.quoted(key) + ".");
        }
        Map<String, Object> snapshot = found.get(0).snapshot();
        return project(
                grant.revealsPersonalData(descriptor) ? snapshot : PersonalData.redacted(descriptor, snapshot),
                projection);
    }

    /**
     * The collection, if {@code grant} may read it. The routes are guarded by their scope already;
     * every other reader (the {@code catalog.read} tool, and what comes later) is guarded here.
     */
    private CollectionDescriptor readable(String collection, Grant grant) {
        CollectionDescriptor descriptor = describe(collection);
        if (!grant.reads(descriptor)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED, "This collection needs the " + descriptor.readScope() + " scope.");
        }
        return descriptor;
    }

    CollectionDescriptor describe(String collection) {
        return collections
                .named(collection)
                .orElseThrow(() ->
                        AgentryException.notFound("There is no collection " + FieldError.quoted(collection) + "."));
    }

    private void restrict(
            CollectionDescriptor descriptor,
            Filter filter,
            String parameter,
            boolean reveals,
            StringBuilder jpql,
            Map<String, Object> parameters) {
        CollectionField field = descriptor
                .field(filter.field())
                .filter(CollectionField::filterable)
                .orElseThrow(() -> Filter.invalid(
                        "unknown_field",
                        "filter field " + FieldError.quoted(filter.field()) + " is not filterable in "
                                + descriptor.name()));
        if (field.sensitive() && !reveals) {
            throw Filter.invalid(
                    "sensitive_field",
                    "filtering on " + field.name() + " needs the "
                            + descriptor.sensitiveScope().orElse(descriptor.name() + ":read_sensitive") + " scope");
        }
        if (field.kind() == CollectionField.Kind.NUMBER) {
            if (filter.match() != Filter.Match.EXACT) {
                throw Filter.invalid("not_a_number", field.name() + " is a number: only field:value applies");
            }
            jpql.append(" and ").append(field.path()).append(" = :").append(parameter);
            parameters.put(parameter, number(descriptor, field, filter.value()));
            return;
        }
        switch (filter.match()) {
            case EXACT -> {
                jpql.append(" and ").append(field.path()).append(" = :").append(parameter);
                parameters.put(parameter, filter.value());
            }
            case WILDCARD -> {
                jpql.append(" and ").append(field.path()).append(" like :").append(parameter);
                jpql.append(" escape '\\'");
                parameters.put(parameter, filter.likePattern());
            }
            case CONTAINS -> {
                jpql.append(" and lower(")
                        .append(field.path())
                        .append(") like :")
                        .append(parameter);
                jpql.append(" escape '\\'");
                parameters.put(parameter, filter.likePattern());
            }
        }
    }

    /** A number of the attribute's own Java type: Hibernate binds parameters strictly. */
    private Object number(CollectionDescriptor descriptor, CollectionField field, String value) {
        Class<?> type = em.getMetamodel()
                .entity(descriptor.entity())
                .getAttribute(field.path().substring(2))
                .getJavaType();
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value.strip());
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value.strip());
            }
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw Filter.invalid(
                    "not_a_number", field.name() + " is a number; " + FieldError.quoted(value) + " is not");
        }
    }

    private static List<String> projection(CollectionDescriptor descriptor, String fields) {
        if (fields == null || fields.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : fields.split(",")) {
            String field = name.strip();
            if (descriptor.field(field).isEmpty()) {
                throw AgentryException.validation(List.of(new FieldError(
                        "fields",
                        "unknown_field",
                        "fields: " + FieldError.quoted(field) + " is not a field of " + descriptor.name())));
            }
            names.add(field);
        }
        return names;
    }

    /** The requested fields only, always with the uid (so the record stays identifiable). */
    private static Map<String, Object> project(Map<String, Object> snapshot, List<String> fields) {
        if (fields.isEmpty()) {
            return snapshot;
        }
        Map<String, Object> projected = new LinkedHashMap<>();
        projected.put("uid", snapshot.get("uid"));
        fields.forEach(f -> projected.put(f, snapshot.get(f)));
        if (snapshot.containsKey("redacted")) {
            projected.put("redacted", true);
        }
        return projected;
    }

    /** What a cursor is bound to: the collection and everything that selects records. */
    private static String binding(CollectionDescriptor descriptor, Instant since, String q, List<String> filters) {
        String canonical = descriptor.name() + "\n" + since + "\n" + q + "\n" + new TreeSet<>(filters);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private String cursor(String binding, long lastId) {
        return seal.seal(CURSOR_VERSION + "|" + binding + "|" + lastId);
    }

    private long after(String cursor, String binding) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String[] parts = seal.open(cursor).split("\\|");
        if (parts.length != 3 || !parts[0].equals(CURSOR_VERSION)) {
            throw CursorSeal.invalid("The cursor is not a collection cursor.");
        }
        if (!parts[1].equals(binding)) {
            throw CursorSeal.invalid(
                    "The cursor belongs to another collection or other filters; start again without it.");
        }
        return Long.parseLong(parts[2]);
    }
}
