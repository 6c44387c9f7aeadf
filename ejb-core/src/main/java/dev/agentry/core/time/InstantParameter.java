package dev.agentry.core.time;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A point in time a caller passed as a parameter: ISO-8601 with an offset, or a 400 naming it. */
public final class InstantParameter {

    private InstantParameter() {}

    /** The instant, or {@code null} when the parameter is absent or blank. */
    public static Instant parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw AgentryException.validation(List.of(new FieldError(
                    name, "not_a_time", name + " must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z")));
        }
    }
}
