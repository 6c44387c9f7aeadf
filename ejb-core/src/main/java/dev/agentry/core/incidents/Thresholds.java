package dev.agentry.core.incidents;

import java.util.Optional;

/**
 * A signal's thresholds: at {@code warn} or more an incident is open at warn, at {@code critical} or
 * more at critical; below {@code warn} it resolves.
 */
public record Thresholds(long warn, long critical) {

    public Thresholds {
        if (warn < 1 || critical < warn) {
            throw new IllegalArgumentException("thresholds need 1 <= warn <= critical: " + warn + ", " + critical);
        }
    }

    /** The severity a value reaches, or none below warn. */
    public Optional<Severity> severityOf(long value) {
        if (value >= critical) {
            return Optional.of(Severity.CRITICAL);
        }
        return value >= warn ? Optional.of(Severity.WARN) : Optional.empty();
    }
}
