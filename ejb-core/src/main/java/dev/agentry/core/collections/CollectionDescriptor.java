package dev.agentry.core.collections;

import dev.agentry.persistence.catalog.CatalogItem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A collection of the read API: its path name, its entity and its fields. Everything else — routes,
 * scopes, filters, search, redaction, schema, change types — is derived from this.
 *
 * @param sensitiveScoped whether a {@code <name>:read_sensitive} scope exists that reveals the
 *     personal fields; without one they are always redacted
 */
public record CollectionDescriptor(
        String name,
        Class<? extends CatalogItem> entity,
        String description,
        List<CollectionField> fields,
        boolean sensitiveScoped) {

    /** Fields every collection has, around its own. */
    static final List<CollectionField> COMMON = List.of(
            CollectionField.number("id"),
            CollectionField.text("uid"),
            CollectionField.time("createdAt"),
            CollectionField.time("updatedAt"),
            CollectionField.number("version"));

    public CollectionDescriptor {
        fields = List.copyOf(fields);
    }

    /** A collection with the {@link #COMMON} fields followed by its {@code own}. */
    public static CollectionDescriptor of(
            String name, Class<? extends CatalogItem> entity, String description, CollectionField... own) {
        return new CollectionDescriptor(
                name,
                entity,
                description,
                Stream.concat(COMMON.stream(), Stream.of(own)).toList(),
                false);
    }

    /** This collection with a {@code :read_sensitive} scope that reveals its personal fields. */
    public CollectionDescriptor withSensitiveScope() {
        if (sensitiveFields().isEmpty()) {
            throw new IllegalStateException(name + " has no personal fields for a sensitive scope to reveal");
        }
        return new CollectionDescriptor(name, entity, description, fields, true);
    }

    /** One item's name, as event types use it: entries → entry, addresses → address. */
    public String itemName() {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("sses")) {
            return name.substring(0, name.length() - 2);
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    public String readScope() {
        return name + ":read";
    }

    /** The scope that reveals personal data, if this collection has one. */
    public Optional<String> sensitiveScope() {
        return sensitiveScoped ? Optional.of(name + ":read_sensitive") : Optional.empty();
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
    public String entityName() {
        return entity.getSimpleName();
    }
}
