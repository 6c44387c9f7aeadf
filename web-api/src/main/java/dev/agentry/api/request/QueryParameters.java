package dev.agentry.api.request;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;

/**
 * Reads query parameters as the caller wrote them. JAX-RS answers 404 to a query parameter it cannot
 * convert; a malformed parameter is the caller's mistake and must say which one, so resources take
 * strings and convert them here.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The parameter as an integer, or {@code fallback} when absent or blank. */
    public static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw AgentryException.validation(
                    List.of(new FieldError(name, "not_an_integer", name + " must be an integer")));
        }
    }
}
