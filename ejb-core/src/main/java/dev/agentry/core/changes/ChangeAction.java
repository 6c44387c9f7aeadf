package dev.agentry.core.changes;

/** What a change did to a record; written lowercase in the feed and in webhook events. */
public enum ChangeAction {
    CREATE,
    UPDATE,
    DELETE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
