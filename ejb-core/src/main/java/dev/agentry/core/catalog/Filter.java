package dev.agentry.core.catalog;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;

/**
 * One {@code filter} parameter: {@code field:value} matches exactly (a {@code *} in the value is a
 * wildcard), {@code field~value} matches when the field contains the value, ignoring case.
 */
record Filter(String field, Match match, String value) {

    enum Match {
        EXACT,
        WILDCARD,
        CONTAINS
    }

    static Filter parse(String raw) {
        int colon = raw.indexOf(':');
        int tilde = raw.indexOf('~');
        int cut = colon < 0 ? tilde : tilde < 0 ? colon : Math.min(colon, tilde);
        if (cut <= 0 || cut == raw.length() - 1) {
            throw invalid("not_a_filter", "filter " + FieldError.quoted(raw) + " must be field:value or field~value");
        }
        String field = raw.substring(0, cut).strip();
        String value = raw.substring(cut + 1);
        if (raw.charAt(cut) == '~') {
            return new Filter(field, Match.CONTAINS, value);
        }
        return new Filter(field, value.contains("*") ? Match.WILDCARD : Match.EXACT, value);
    }

    /** The value as a JPQL {@code like} pattern, with the caller's own {@code %} and {@code _} escaped. */
    String likePattern() {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return match == Match.CONTAINS ? "%" + escaped.toLowerCase() + "%" : escaped.replace('*', '%');
    }

    static AgentryException invalid(String code, String message) {
        return AgentryException.validation(List.of(new FieldError("filter", code, message)));
    }
}
