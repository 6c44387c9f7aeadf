package dev.agentry.api.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryValuesTest {

    @SuppressWarnings("unused")
    private static void parameters(
            @QueryParam("limit") PageLimit limit,
            @QueryParam("since") Instant since,
            @QueryParam("count") Integer count,
            @PathParam("id") Integer id) {}

    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) throws NoSuchMethodException {
        Annotation[] annotations = QueryValuesTest.class.getDeclaredMethod(
                        "parameters", PageLimit.class, Instant.class, Integer.class, Integer.class)
                .getParameterAnnotations()[parameter];
        return new QueryValues().getConverter(type, type, annotations);
    }

    private static FieldError refusal(ParamConverter<?> converter, String value) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> converter.fromString(value));
        return ((AgentryException) e.getCause()).errors().get(0);
    }

    @Test
    void aLimitIsOneToTwoHundredAndBlankIsAbsent() throws Exception {
        ParamConverter<PageLimit> limit = converter(PageLimit.class, 0);
        assertEquals(new PageLimit(200), limit.fromString(" 200 "));
        assertNull(limit.fromString(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten", "1.5", "99999999999"})
    void anyOtherLimitNamesTheLimit(String raw) throws Exception {
        FieldError error = refusal(converter(PageLimit.class, 0), raw);
        assertEquals("limit", error.field());
        assertEquals("out_of_range", error.code());
    }

    @Test
    void timesAndIntegersNameTheirParameter() throws Exception {
        assertEquals(
                Instant.parse("2026-11-21T09:00:00Z"),
                converter(Instant.class, 1).fromString("2026-11-21T10:00:00+01:00"));
        assertEquals(
                new FieldError(
                        "since", "not_a_time", "since must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z"),
                refusal(converter(Instant.class, 1), "yesterday"));
        assertEquals(7, converter(Integer.class, 2).fromString("7"));
        assertEquals(
                "not_an_integer", refusal(converter(Integer.class, 2), "seven").code());
    }

    @Test
    void pathParametersAreTheRuntimes() throws Exception {
        assertNull(converter(Integer.class, 3));
    }
}
