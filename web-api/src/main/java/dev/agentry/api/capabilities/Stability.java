package dev.agentry.api.capabilities;

import java.util.Locale;

/** The promise a surface makes about change. */
public enum Stability {
    /** Changes only additively within a major version. */
    STABLE,
    /** May change with notice in the changelog. */
    BETA,
    /** Off by default and may change or disappear. */
    EXPERIMENTAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
