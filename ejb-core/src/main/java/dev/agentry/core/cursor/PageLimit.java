package dev.agentry.core.cursor;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;

/**
 * The {@code limit} of a paged read: 1 to 200, 50 when the caller does not say. Out of range it is
 * refused naming the parameter, so a page size the core receives is always one it serves.
 *
 * @param value how many items a page holds at most
 */
public record PageLimit(int value) {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    /** The page size when the caller does not give one. */
    public static final PageLimit STANDARD = new PageLimit(DEFAULT);

    public PageLimit {
        if (value < 1 || value > MAX) {
            throw refusal();
        }
    }

    /** The refusal of a limit that is not an integer from 1 to {@link #MAX}. */
    public static AgentryException refusal() {
        return AgentryException.validation(
                List.of(new FieldError("limit", "out_of_range", "limit must be an integer from 1 to " + MAX)));
    }
}
