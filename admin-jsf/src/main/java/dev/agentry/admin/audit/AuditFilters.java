package dev.agentry.admin.audit;

import dev.agentry.core.audit.AuditOutcome;
import dev.agentry.core.audit.AuditSearch;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The audit log's filters as the address carries them ({@code from}, {@code until} as whole UTC days,
 * {@code actor}, {@code action}, {@code outcome}, {@code code}): one reading for the page and for its CSV
 * export, so the export is exactly the range the page shows.
 */
public record AuditFilters(String from, String until, String actor, String action, String outcome, String code)
        implements Serializable {

    /** A date that is not one; {@code field} names the filter ({@code from} or {@code until}). */
    public static final class BadDate extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String field;

        BadDate(String field) {
            super("The " + field + " date must be a date such as 2026-12-03.");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The filters named by request parameters. */
    public static AuditFilters from(UnaryOperator<String> parameter) {
        return new AuditFilters(
                parameter.apply("from"),
                parameter.apply("until"),
                parameter.apply("actor"),
                parameter.apply("action"),
                parameter.apply("outcome"),
                parameter.apply("code"));
    }

    /**
     * The core's search for these filters at a position.
     *
     * @throws BadDate when {@code from} or {@code until} is not a date
     */
    public AuditSearch search(Long before, Long after, int limit) {
        return new AuditSearch(
                day(from, "from", 0),
                day(until, "until", 1),
                blank(actor),
                blank(action),
                AuditOutcome.ofFilter(outcome),
                blank(code),
                before,
                after,
                limit);
    }

    /** The filters that are set, as a query string (without {@code ?}), for a link to the same range. */
    public String query() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("from", blank(from));
        set.put("until", blank(until));
        set.put("actor", blank(actor));
        set.put("action", blank(action));
        set.put("outcome", blank(outcome));
        set.put("code", blank(code));
        return set.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The start of a day (UTC) given as yyyy-mm-dd, plus {@code days}; null when not given. */
    private static Instant day(String text, String field, int days) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip())
                    .plusDays(days)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new BadDate(field);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
