package dev.agentry.core.catalog;

import dev.agentry.core.policy.Scope;
import dev.agentry.persistence.catalog.CatalogItem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A collection of the read API: its path name, its entity and its fields. Everything else — routes,
 * scopes, filters, search, redaction, schema, change types — is derived from this.
 */
public record CollectionDescriptor(
        String name, Class<? extends CatalogItem> entity, String description, List<CollectionField> fields) {

    private static final Set<String> SCOPES =
            Arrays.stream(Scope.values()).map(Scope::scope).collect(Collectors.toSet());

    /** Fields every collection has, around its own. */
    static final List<CollectionField> COMMON = List.of(
            CollectionField.number("id"),
            CollectionField.text("uid"),
            CollectionField.time("createdAt"),
            CollectionField.time("updatedAt"),
            CollectionField.number("version"));

    public CollectionDescriptor {
        fields = Stream.concat(COMMON.stream(), fields.stream()).toList();
    }

    public static CollectionDescriptor of(
            String name, Class<? extends CatalogItem> entity, String description, CollectionField... own) {
        return new CollectionDescriptor(name, entity, description, List.of(own));
    }

    public String readScope() {
        return name + ":read";
    }

    /** The scope that reveals personal data, if the scope catalog has one for this collection. */
    public Optional<String> sensitiveScope() {
        String scope = name + ":read_sensitive";
        return SCOPES.contains(scope) ? Optional.of(scope) : Optional.empty();
    }

    /** Whether a caller holding {@code scopes} sees personal data unredacted. */
    public boolean revealsTo(Set<String> scopes) {
        return sensitiveScope().map(scopes::contains).orElse(false);
    }

    public Optional<CollectionField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public List<CollectionField> sensitiveFields() {
        return fields.stream().filter(CollectionField::sensitive).toList();
    }

    /** The JPQL entity name. */
    String entityName() {
        return entity.getSimpleName();
    }

    /** A snapshot with personal data removed unless the caller may see it; marks it {@code redacted}. */
    public Map<String, Object> redact(Map<String, Object> snapshot, Set<String> scopes) {
        if (sensitiveFields().isEmpty() || revealsTo(scopes)) {
            return snapshot;
        }
        Map<String, Object> redacted = new LinkedHashMap<>(snapshot);
        sensitiveFields().forEach(f -> redacted.put(f.name(), null));
        redacted.put("redacted", true);
        return redacted;
    }
}
