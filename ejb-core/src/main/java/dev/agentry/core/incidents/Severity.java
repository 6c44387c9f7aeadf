package dev.agentry.core.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad an open incident is: past its warn threshold, or past its critical one. */
public enum Severity {
    WARN,
    CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> named(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst();
    }
}
