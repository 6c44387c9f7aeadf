package dev.agentry.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static Instant next(String expression, String after) {
        return CronSchedule.parse(expression).next(at(after)).orElseThrow();
    }

    @Test
    void dailyAtHalfPastThree() {
        assertEquals(at("2026-12-03T03:30:00Z"), next("0 30 3 * * ?", "2026-12-03T01:00:00Z"));
        assertEquals(at("2026-12-04T03:30:00Z"), next("0 30 3 * * ?", "2026-12-03T03:30:00Z"), "strictly after");
        assertEquals(at("2027-01-01T03:30:00Z"), next("0 30 3 * * ?", "2026-12-31T04:00:00Z"));
    }

    @Test
    void stepsListsAndRanges() {
        assertEquals(at("2026-12-03T10:00:02Z"), next("*/2 * * * * ?", "2026-12-03T10:00:00.500Z"));
        assertEquals(at("2026-12-03T10:15:00Z"), next("0 0/15 * * * ?", "2026-12-03T10:00:00Z"));
        assertEquals(at("2026-12-03T12:00:00Z"), next("0 0 8,12,18 * * ?", "2026-12-03T08:00:00Z"));
        assertEquals(at("2026-12-03T09:05:00Z"), next("0 5 9-17/4 * * ?", "2026-12-03T01:00:00Z"));
        assertEquals(at("2026-12-03T13:05:00Z"), next("0 5 9-17/4 * * ?", "2026-12-03T09:05:00Z"));
    }

    @Test
    void daysOfWeekAreQuartzNumberedOrNamed() {
        // 2026-12-03 is a Thursday; Quartz counts 1 = Sunday.
        assertEquals(at("2026-12-06T04:00:00Z"), next("0 0 4 ? * SUN", "2026-12-03T00:00:00Z"));
        assertEquals(at("2026-12-06T04:00:00Z"), next("0 0 4 ? * 1", "2026-12-03T00:00:00Z"));
        assertEquals(at("2026-12-07T04:00:00Z"), next("0 0 4 ? * MON-FRI", "2026-12-04T05:00:00Z"));
        assertEquals(at("2027-02-01T00:00:00Z"), next("0 0 0 1 FEB ?", "2026-12-03T00:00:00Z"));
        assertEquals(at("2028-02-29T00:00:00Z"), next("0 0 0 29 2 ?", "2026-12-03T00:00:00Z"));
    }

    @Test
    void aYearFieldOfStarIsAccepted() {
        assertEquals(at("2026-12-03T03:30:00Z"), next("0 30 3 * * ? *", "2026-12-03T01:00:00Z"));
    }

    @Test
    void whatItCannotReadIsRefusedNamingTheField() {
        for (String bad : new String[] {
            "",
            "0 30 3 * *",
            "0 61 3 * * ?",
            "0 30 3 L * ?",
            "0 30 3 ? * 2#1",
            "0 30 3 5 * MON",
            "x * * * * ?",
            "0 0 0 30 2 ?",
            "0 0 5-3 * * ?",
            "0 0 0 * FOO ?"
        }) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse(bad), bad);
            assertTrue(!refused.getMessage().isBlank(), bad);
        }
    }
}
