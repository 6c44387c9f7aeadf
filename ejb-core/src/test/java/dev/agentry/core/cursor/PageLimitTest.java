package dev.agentry.core.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitTest {

    @Test
    void absentMeansFiftyAndTheRangeIsOneToTwoHundred() {
        assertEquals(50, PageLimit.parse(null));
        assertEquals(50, PageLimit.parse(" "));
        assertEquals(1, PageLimit.parse("1"));
        assertEquals(200, PageLimit.parse(" 200 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten", "1.5", "99999999999"})
    void anythingElseNamesTheLimit(String raw) {
        AgentryException e = assertThrows(AgentryException.class, () -> PageLimit.parse(raw));
        assertEquals("limit", e.errors().get(0).field());
    }
}
