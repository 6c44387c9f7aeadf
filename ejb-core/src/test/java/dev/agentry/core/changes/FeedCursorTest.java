package dev.agentry.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

    /** A stand-in for the seal: "sealed:" and the payload; it opens only what it sealed. */
    private static final UnaryOperator<String> OPEN = text -> {
        if (!text.startsWith("sealed:")) {
            throw new AgentryException(ErrorCode.CURSOR_INVALID, "not sealed");
        }
        return text.substring("sealed:".length());
    };

    private static final String PAGE = "sealed:" + FeedCursor.span("entries,orders", 101, 300);

    @Test
    void everyChangeOfAPageResumesFromItsOwnPositionUnderOneSeal() {
        assertEquals(new FeedCursor("entries,orders", 101), FeedCursor.read(FeedCursor.at(PAGE, 101), OPEN));
        assertEquals(new FeedCursor("entries,orders", 250), FeedCursor.read(FeedCursor.at(PAGE, 250), OPEN));
        assertEquals(new FeedCursor("entries,orders", 300), FeedCursor.read(FeedCursor.at(PAGE, 300), OPEN));
    }

    @Test
    void aCursorSealedOnItsOwnAsBeforeIsStillRead() {
        assertEquals(new FeedCursor("", 42), FeedCursor.read("sealed:c1||42", OPEN));
        assertEquals(new FeedCursor("*entries", 7), FeedCursor.read(" sealed:c1|*entries|7 ", OPEN));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 100, 301, Long.MAX_VALUE})
    void aPositionOutsideItsPageIsRefused(long position) {
        refused(FeedCursor.at(PAGE, position));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+150", "-1", "1e2", "15 0", "0x96", "1234567890123456789"})
    void aPositionThatIsNotPlainDigitsIsRefused(String position) {
        refused(PAGE + "." + position);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "forged:c2|entries,orders|101|300.150", // not sealed
                "sealed:c1|entries|5.5", // a single cursor with a position added
                "sealed:c2|entries|101.150", // a span without its end
                "sealed:k1|orders|101|300.150", // another kind of cursor
                "sealed:c2|entries|x|300.150",
                "sealed:c1|entries",
                "sealed:c3|entries|1"
            })
    void anythingElseIsNotAChangesCursor(String cursor) {
        refused(cursor);
    }

    private static void refused(String cursor) {
        assertEquals(
                ErrorCode.CURSOR_INVALID,
                assertThrows(AgentryException.class, () -> FeedCursor.read(cursor, OPEN))
                        .code());
    }
}
