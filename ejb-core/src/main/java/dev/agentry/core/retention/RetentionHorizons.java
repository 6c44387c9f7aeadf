package dev.agentry.core.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long each kind is kept, from {@code agentry.retention.<kind>} (an ISO-8601 duration such as {@code
 * P30D}). Runs have none: each run is kept for its own {@code retentionDays}. An unreadable value keeps the
 * default and says so in the log rather than removing more than was meant.
 */
@ApplicationScoped
public class RetentionHorizons {

    static final Map<RetentionKind, Duration> DEFAULTS = Map.of(
            RetentionKind.DELIVERIES, Duration.ofDays(30),
            RetentionKind.DEAD_LETTERS, Duration.ofDays(90),
            RetentionKind.WEBHOOK_EVENTS, Duration.ofDays(30),
            RetentionKind.CHANGES, Duration.ofDays(90),
            RetentionKind.DIAGNOSTICS, Duration.ofDays(90),
            RetentionKind.LAG_HISTORY, Duration.ofDays(30),
            RetentionKind.JOB_EXECUTIONS, Duration.ofDays(30));

    /** Records of the kind older than this instant are expired. */
    public Instant cutoff(RetentionKind kind, Instant now) {
        return now.minus(horizon(kind));
    }

    public Duration horizon(RetentionKind kind) {
        Duration fallback = DEFAULTS.getOrDefault(kind, Duration.ofDays(90));
        String key = "agentry.retention." + kind.wire();
        return ConfigProvider.getConfig()
                .getOptionalValue(key, String.class)
                .map(text -> parse(key, text, fallback))
                .orElse(fallback);
    }

    private static Duration parse(String key, String text, Duration fallback) {
        try {
            Duration horizon = Duration.parse(text.strip());
            if (!horizon.isNegative() && !horizon.isZero()) {
                return horizon;
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        org.jboss.logging.Logger.getLogger(RetentionHorizons.class)
                .errorf("%s = %s is not a positive ISO-8601 duration such as P30D; keeping %s", key, text, fallback);
        return fallback;
    }
}
