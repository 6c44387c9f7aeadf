package dev.agentry.core.problem;

import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * One field's problem in a rejected request.
 *
 * @param field the field as the caller named it, e.g. {@code note} or {@code ipAllowlist[2]}
 * @param code a stable reason such as {@code too_long} or {@code required}
 * @param message a human-readable explanation, never echoing a secret
 */
public record FieldError(
        @NotNull String field,
        @NotNull String code,
        @NotNull String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A caller's value fit to quote in a message: in quotes, shortened, control characters replaced. */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
