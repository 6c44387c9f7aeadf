package dev.agentry.core.collections;

/**
 * One field of a collection as the API shows it.
 *
 * @param name the API name, also the key in the record's snapshot
 * @param path where a query finds it, relative to the entity alias {@code e}; {@code null} when it
 *     cannot be queried (JSON bodies, line items)
 * @param kind how filter values are read
 * @param filterable whether {@code filter=name:value} may use it
 * @param searchable whether {@code q} looks into it
 * @param sensitive personal data: redacted without the collection's {@code :read_sensitive} scope
 */
public record CollectionField(
        String name, String path, Kind kind, boolean filterable, boolean searchable, boolean sensitive) {

    /** How a field's filter values are compared. */
    public enum Kind {
        TEXT,
        NUMBER,
        TIME,
        OTHER
    }

    public static CollectionField text(String name) {
        return new CollectionField(name, "e." + name, Kind.TEXT, true, false, false);
    }

    public static CollectionField number(String name) {
        return new CollectionField(name, "e." + name, Kind.NUMBER, true, false, false);
    }

    public static CollectionField time(String name) {
        return new CollectionField(name, "e." + name, Kind.TIME, false, false, false);
    }

    /** A reference shown (and filtered) by a property of the referenced record. */
    public static CollectionField reference(String name, String path) {
        return new CollectionField(name, "e." + path, Kind.TEXT, true, false, false);
    }

    /** Shown, never queried. */
    public static CollectionField shown(String name) {
        return new CollectionField(name, null, Kind.OTHER, false, false, false);
    }

    public CollectionField searched() {
        return new CollectionField(name, path, kind, filterable, true, sensitive);
    }

    /** Personal data: redacted, and neither filterable nor searched, without the sensitive scope. */
    public CollectionField personal() {
        return new CollectionField(name, path, kind, filterable, searchable, true);
    }
}
