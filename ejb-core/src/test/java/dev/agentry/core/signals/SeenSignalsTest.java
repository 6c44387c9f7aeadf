package dev.agentry.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenSignalsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void eachIdIsActedOnOnceAndTheFloorFollowsWhatIsSettled() {
        SeenSignals seen = new SeenSignals(10, PATIENCE);

        assertEquals(List.of(11L, 12L), seen.take(List.of(11L, 12L), T0));
        assertEquals(12, seen.floor());
        assertEquals(List.of(), seen.take(List.of(), T0));
        assertEquals(List.of(13L), seen.take(List.of(13L), T0));
        assertEquals(13, seen.floor());
    }

    @Test
    void aLowerIdCommittedAfterAHigherOneIsStillActedOn() {
        SeenSignals seen = new SeenSignals(10, PATIENCE);

        // 11 was taken first but its transaction had not committed when 12 was read.
        assertEquals(List.of(12L), seen.take(List.of(12L), T0));
        assertEquals(10, seen.floor(), "11 is still awaited, so it is read again");
        assertEquals(1, seen.missing());

        // The next read, from the same floor, brings 12 again (not acted on twice) and now 11.
        assertEquals(List.of(11L), seen.take(List.of(11L, 12L), T0.plusSeconds(2)));
        assertEquals(12, seen.floor());
        assertEquals(0, seen.missing());
    }

    @Test
    void anIdThatNeverComesIsGivenUpAfterThePatience() {
        SeenSignals seen = new SeenSignals(10, PATIENCE);

        // 11 rolled back: it never becomes visible.
        seen.take(List.of(12L, 13L), T0);
        assertEquals(10, seen.floor());
        assertEquals(List.of(), seen.take(List.of(12L, 13L), T0.plus(PATIENCE)));
        assertEquals(10, seen.floor(), "waited for exactly as long as the patience, not yet given up");

        assertEquals(
                List.of(14L),
                seen.take(List.of(12L, 13L, 14L), T0.plus(PATIENCE).plusMillis(1)));
        assertEquals(14, seen.floor());
        assertEquals(0, seen.missing());
    }

    @Test
    void aLateIdWithinThePatienceIsNotLostWhileOthersArrive() {
        SeenSignals seen = new SeenSignals(0, PATIENCE);

        seen.take(List.of(1L, 3L), T0);
        seen.take(List.of(3L, 4L, 6L), T0.plusSeconds(10));
        assertEquals(1, seen.floor());
        assertEquals(2, seen.missing(), "2 and 5");

        assertEquals(List.of(5L, 2L), seen.take(List.of(5L, 2L, 3L, 4L, 6L), T0.plusSeconds(20)));
        assertEquals(6, seen.floor());
    }

    @Test
    void aHugeJumpGivesUpTheOldestMissingIdsAtOnceSoTheBookkeepingStaysBounded() {
        SeenSignals seen = new SeenSignals(0, PATIENCE);

        long far = SeenSignals.MAX_MISSING + 100L;
        assertEquals(List.of(far), seen.take(List.of(far), T0));
        assertEquals(SeenSignals.MAX_MISSING - 1, seen.missing());
        assertEquals(100, seen.floor());
    }

    @Test
    void idsAtOrBelowTheFloorAreIgnored() {
        SeenSignals seen = new SeenSignals(10, PATIENCE);

        assertEquals(List.of(), seen.take(List.of(9L, 10L), T0));
        assertEquals(10, seen.floor());
    }
}
