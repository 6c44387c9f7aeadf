package dev.agentry.core.incidents;

import java.util.Locale;

/** Whether an incident is still open or has resolved. */
public enum IncidentStatus {
    OPEN,
    RESOLVED;

    /** The name in the stored row and on the wire, e.g. {@code open}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
