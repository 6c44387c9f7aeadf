package dev.agentry.api.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void absentOrBlankMeansTheFallback() {
        assertEquals(20, QueryParameters.integer("limit", null, 20));
        assertEquals(20, QueryParameters.integer("limit", " ", 20));
    }

    @Test
    void anIntegerIsRead() {
        assertEquals(7, QueryParameters.integer("limit", "7", 20));
        assertEquals(-3, QueryParameters.integer("limit", " -3 ", 20));
    }

    @Test
    void anythingElseIsAFieldErrorNamingTheParameter() {
        AgentryException e = assertThrows(AgentryException.class, () -> QueryParameters.integer("limit", "ten", 20));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("limit", e.errors().get(0).field());
        assertEquals("not_an_integer", e.errors().get(0).code());
    }
}
