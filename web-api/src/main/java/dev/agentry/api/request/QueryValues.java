package dev.agentry.api.request;

import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.schema.ContractSchemas;
import dev.agentry.core.time.Timestamp;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts query parameters to the typed values the core takes: {@link PageLimit}, {@link Instant},
 * {@link Integer} and any enum (a status filter), by its wire values ({@link ContractSchemas#wireValues}, what the
 * OpenAPI document lists; in any case). JAX-RS answers 404 to a query parameter it cannot convert itself; a
 * malformed one is the caller's mistake and is refused as {@code validation_failed} naming the parameter ({@code
 * out_of_range}, {@code not_a_time}, {@code not_an_integer}, {@code invalid}). A blank value counts as absent. Path
 * parameters are left to the runtime: a path that does not convert names no resource (404).
 */
@Provider
public class QueryValues implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = Arrays.stream(annotations)
                .filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value())
                .findFirst();
        if (name.isEmpty()) {
            return null;
        }
        if (rawType == PageLimit.class) {
            return (ParamConverter<T>) converter(name.get(), QueryValues::limit);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name.get(), text -> instant(name.get(), text));
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name.get(), text -> integer(name.get(), text));
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) converter(name.get(), text -> constant(name.get(), rawType, text));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (AgentryException e) {
                    // A runtime may wrap a converter's failure as 404; a 400 carrying the refusal is kept.
                    throw new BadRequestException(e);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value instanceof PageLimit limit ? limit.value() : value);
            }
        };
    }

    private static PageLimit limit(String text) {
        try {
            return new PageLimit(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw PageLimit.refusal();
        }
    }

    private static Instant instant(String name, String text) {
        return Timestamp.Check.instant(text)
                .orElseThrow(() -> AgentryException.validation(List.of(new FieldError(
                        name, "not_a_time", name + " must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z"))));
    }

    /** The constant whose wire value the text is, exactly or else in another case. */
    @SuppressWarnings("unchecked")
    private static Object constant(String name, Class<?> type, String text) {
        List<String> values = ContractSchemas.wireValues((Class<? extends Enum<?>>) type);
        int index = values.indexOf(text);
        for (int i = 0; index < 0 && i < values.size(); i++) {
            index = values.get(i).equalsIgnoreCase(text) ? i : -1;
        }
        if (index < 0) {
            throw AgentryException.validation(
                    List.of(new FieldError(name, "invalid", name + " is one of " + String.join(", ", values))));
        }
        return type.getEnumConstants()[index];
    }

    private static Integer integer(String name, String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw AgentryException.validation(
                    List.of(new FieldError(name, "not_an_integer", name + " must be an integer")));
        }
    }
}
