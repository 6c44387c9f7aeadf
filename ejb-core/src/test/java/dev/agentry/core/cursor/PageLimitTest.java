package dev.agentry.core.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitTest {

    @Test
    void theStandardIsFiftyAndTheRangeIsOneToTwoHundred() {
        assertEquals(50, PageLimit.STANDARD.value());
        assertEquals(1, new PageLimit(1).value());
        assertEquals(200, new PageLimit(200).value());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201, -1, Integer.MAX_VALUE})
    void anythingElseNamesTheLimit(int value) {
        AgentryException e = assertThrows(AgentryException.class, () -> new PageLimit(value));
        assertEquals("limit", e.errors().get(0).field());
        assertEquals("out_of_range", e.errors().get(0).code());
    }
}
