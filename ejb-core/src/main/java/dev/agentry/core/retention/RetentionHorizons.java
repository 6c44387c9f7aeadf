package dev.agentry.core.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long each kind is kept, from {@code agentry.retention.<kind>} (an ISO-8601 duration such as {@code
 * P30D}). Runs have none: each run is kept for its own {@code retentionDays}. An unreadable value keeps the
 * default and says so in the log rather than removing more than was meant.
 */
@ApplicationScoped
public class RetentionHorizons {

    /** Files and directories one pass removes at most, per kind on disk; the rest wait for the next pass. */
    static final long FILES_PER_PASS = 10_000;

    static final Map<RetentionKind, Duration> DEFAULTS = Map.ofEntries(
            Map.entry(RetentionKind.WORKSPACES, Duration.ofDays(1)),
            Map.entry(RetentionKind.IMPORT_FILES, Duration.ofDays(30)),
            Map.entry(RetentionKind.DELIVERIES, Duration.ofDays(30)),
            Map.entry(RetentionKind.DEAD_LETTERS, Duration.ofDays(90)),
            Map.entry(RetentionKind.WEBHOOK_EVENTS, Duration.ofDays(30)),
            Map.entry(RetentionKind.CHANGES, Duration.ofDays(90)),
            Map.entry(RetentionKind.DIAGNOSTICS, Duration.ofDays(90)),
            Map.entry(RetentionKind.LAG_HISTORY, Duration.ofDays(30)),
            Map.entry(RetentionKind.JOB_EXECUTIONS, Duration.ofDays(30)));

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

    /**
     * The audit trail's horizon: none, so the trail is kept for ever, unless {@code agentry.retention.audit-trail}
     * sets one (an ISO-8601 duration; {@code off} or an unreadable value keeps it all).
     */
    public Optional<Instant> auditCutoff(Instant now) {
        String key = "agentry.retention." + RetentionKind.AUDIT_TRAIL.wire();
        return ConfigProvider.getConfig()
                .getOptionalValue(key, String.class)
                .map(String::strip)
                .filter(text -> !text.isEmpty() && !text.equalsIgnoreCase("off"))
                .map(text -> parse(key, text, null))
                .map(now::minus);
    }

    /**
     * How many records of the kind one pass removes at most: unbounded for rows (the chunks keep each
     * transaction short), {@code agentry.retention.files-per-pass} for files and directories.
     */
    public long perPass(RetentionKind kind) {
        if (!kind.onDisk()) {
            return Long.MAX_VALUE;
        }
        long configured = ConfigProvider.getConfig()
                .getOptionalValue("agentry.retention.files-per-pass", Long.class)
                .orElse(FILES_PER_PASS);
        return configured > 0 ? configured : FILES_PER_PASS;
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
                .errorf(
                        "%s = %s is not a positive ISO-8601 duration such as P30D; keeping %s",
                        key, text, fallback == null ? "everything" : fallback);
        return fallback;
    }
}
