package dev.agentry.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleHistoryTest {

    private static final CronSchedule DAILY = CronSchedule.parse("0 30 3 * * ?");
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aFireTimeThatPassedSinceTheLastFiringIsOwed() {
        ScheduleHistory history =
                new ScheduleHistory(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-02T03:30:00Z"));

        assertFalse(history.aheadOf(NOW));
        assertEquals(Optional.of(Instant.parse("2026-12-03T03:30:00Z")), history.owed(DAILY, NOW));
    }

    @Test
    void nothingIsOwedWhenTheScheduleFiredAfterItsLastFireTime() {
        ScheduleHistory history =
                new ScheduleHistory(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-03T03:30:01Z"));

        assertEquals(Optional.empty(), history.owed(DAILY, NOW));
    }

    @Test
    void aLastFiringInTheFutureIsTakenForNow() {
        // The clock was a year ahead when the schedule last fired, then stepped back.
        ScheduleHistory history =
                new ScheduleHistory(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2027-12-03T03:30:00Z"));

        assertTrue(history.aheadOf(NOW));
        assertEquals(NOW, history.accountedUntil(NOW));
        assertEquals(Optional.empty(), history.owed(DAILY, NOW), "nothing owed before now");
        // Once stored as now, the next fire time that passes while the server is down is owed again, instead
        // of a year later when real time reaches the stored firing.
        Instant dayAfter = Instant.parse("2026-12-04T12:00:00Z");
        assertEquals(
                Optional.of(Instant.parse("2026-12-04T03:30:00Z")),
                new ScheduleHistory(history.registeredAt(), NOW).owed(DAILY, dayAfter));
        assertEquals(Optional.empty(), history.owed(DAILY, dayAfter), "the year-ahead firing would have hidden it");
    }

    @Test
    void aRegistrationInTheFutureIsTakenForNow() {
        ScheduleHistory history = new ScheduleHistory(Instant.parse("2027-06-01T00:00:00Z"), null);

        assertTrue(history.aheadOf(NOW));
        assertEquals(NOW, history.accountedUntil(NOW));
    }

    @Test
    void theLaterOfRegistrationAndLastFiringCounts() {
        // The expression changed after the last firing: fire times of the old one are not owed.
        ScheduleHistory history =
                new ScheduleHistory(Instant.parse("2026-12-03T04:00:00Z"), Instant.parse("2026-12-01T03:30:00Z"));

        assertEquals(Instant.parse("2026-12-03T04:00:00Z"), history.accountedUntil(NOW));
        assertEquals(Optional.empty(), history.owed(DAILY, NOW));
    }
}
