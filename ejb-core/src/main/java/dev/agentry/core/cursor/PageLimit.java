package dev.agentry.core.cursor;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;

/** The {@code limit} of a paged read: 1 to 200, 50 when absent; anything else is named in a 400. */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageLimit() {}

    public static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw AgentryException.validation(
                List.of(new FieldError("limit", "out_of_range", "limit must be an integer from 1 to " + MAX)));
    }
}
