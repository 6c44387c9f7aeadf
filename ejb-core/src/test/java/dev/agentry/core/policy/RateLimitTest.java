package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    /** 10:00:15 UTC: 45 s left in its window. */
    private static final Instant START = Instant.parse("2026-12-05T10:00:15Z");

    private final MovableClock clock = new MovableClock(START);
    private final RateLimit limit = new RateLimit();

    RateLimitTest() {
        limit.clock = clock;
        limit.perMinute = 10;
    }

    @Test
    void windowsAreWholeMinutesAndTheResetCountsWholeSecondsUpToTheNext() {
        long millis = START.toEpochMilli();
        assertEquals(millis / 60_000, RateLimit.minuteOf(millis));
        assertEquals(
                RateLimit.minuteOf(millis),
                RateLimit.minuteOf(Instant.parse("2026-12-05T10:00:59.999Z").toEpochMilli()));
        assertEquals(
                RateLimit.minuteOf(millis) + 1,
                RateLimit.minuteOf(Instant.parse("2026-12-05T10:01:00Z").toEpochMilli()));
        assertEquals(45, RateLimit.resetSeconds(millis));
        assertEquals(
                60, RateLimit.resetSeconds(Instant.parse("2026-12-05T10:01:00Z").toEpochMilli()));
        assertEquals(
                1,
                RateLimit.resetSeconds(Instant.parse("2026-12-05T10:00:59.999Z").toEpochMilli()));
        assertEquals(
                1,
                RateLimit.resetSeconds(Instant.parse("2026-12-05T10:00:59.001Z").toEpochMilli()));
        assertEquals(-1, RateLimit.minuteOf(-1), "before the epoch too: a window, not a rounding towards zero");
    }

    @Test
    void aLoneNodeCountsItsOwnRequestsAndRefusalsDoNotCount() {
        for (int i = 9; i >= 0; i--) {
            assertEquals(i, limit.take("c").remaining());
        }
        RateLimited refused = assertThrows(RateLimited.class, () -> limit.take("c"));
        assertEquals(new RateLimit.Window(10, 0, 45), refused.window());
        assertThrows(RateLimited.class, () -> limit.take("c"));

        RateLimit.Sync sync = limit.pending(clock.millis());
        assertEquals(1, sync.additions().size());
        assertEquals(10, sync.additions().get(0).requests(), "admitted requests only");
    }

    @Test
    void whatTheOtherNodesAdmittedCountsOnceReadBack() {
        limit.take("c");
        limit.take("c");
        RateLimit.Sync sync = limit.pending(clock.millis());
        assertEquals(2, sync.additions().get(0).requests());
        // The window's total after this node's 2 were added: the others admitted 5.
        limit.synced(sync, Map.of("c", 7L));

        assertEquals(2, limit.take("c").remaining(), "10 - 5 others - 3 here");
        limit.take("c");
        limit.take("c");
        assertThrows(RateLimited.class, () -> limit.take("c"));

        RateLimit.Sync next = limit.pending(clock.millis());
        assertEquals(3, next.additions().get(0).requests(), "only what was not added yet");
        // Meanwhile the others admitted 1 more: the total is 7 + 3 + 1.
        limit.synced(next, Map.of("c", 11L));
        assertThrows(RateLimited.class, () -> limit.take("c"));
    }

    @Test
    void aSyncWithNothingNewStillReadsBackTheCurrentWindowOfCredentialsUsedHere() {
        limit.take("c");
        limit.synced(limit.pending(clock.millis()), Map.of("c", 1L));

        RateLimit.Sync idle = limit.pending(clock.millis());
        assertEquals(List.of(), idle.additions());
        assertEquals(1, idle.readings().size(), "the others may still be using it");
        limit.synced(idle, Map.of("c", 9L));
        assertEquals(0, limit.take("c").remaining());
    }

    @Test
    void aNewWindowStartsAfreshAndTheLastRequestsOfThePreviousOneAreStillAdded() {
        limit.take("c");
        limit.synced(limit.pending(clock.millis()), Map.of("c", 8L));
        limit.take("c");
        long previousMinute = RateLimit.minuteOf(clock.millis());

        clock.move(Duration.ofSeconds(50)); // 10:01:05
        assertEquals(new RateLimit.Window(10, 9, 55), limit.take("c"));

        RateLimit.Sync sync = limit.pending(clock.millis());
        Map<Long, Integer> added = new HashMap<>();
        sync.additions().forEach(a -> added.put(a.count().minute, a.requests()));
        assertEquals(Map.of(previousMinute, 1, previousMinute + 1, 1), added);
        assertEquals(1, sync.readings().size());
        limit.synced(sync, Map.of("c", 1L));

        RateLimit.Sync after = limit.pending(clock.millis());
        assertEquals(List.of(), after.additions(), "the previous window was added once");
    }

    @Test
    void aCredentialIdleForAWindowCostsTheSyncNothing() {
        limit.take("c");
        limit.synced(limit.pending(clock.millis()), Map.of("c", 1L));

        clock.move(Duration.ofSeconds(60));
        assertTrue(limit.pending(clock.millis()).isEmpty(), "nothing to add, and no window of this minute to read");
        clock.move(Duration.ofSeconds(60));
        assertTrue(limit.pending(clock.millis()).isEmpty());
    }

    @Test
    void requestsOfAWindowLongGoneAreNotAdded() {
        limit.take("c");
        clock.move(Duration.ofMinutes(3));

        assertTrue(limit.pending(clock.millis()).isEmpty(), "its window is deleted by now");
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
