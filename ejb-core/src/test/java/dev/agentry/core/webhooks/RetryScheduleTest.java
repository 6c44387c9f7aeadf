package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry schedule of SPEC section 8, with its jitter bounds. */
class RetryScheduleTest {

    @Test
    void eightAttemptsWithTheSpecifiedWaitsBetweenThem() {
        Duration[] expected = {
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10)
        };
        assertEquals(8, RetrySchedule.ATTEMPTS);
        for (int attempts = 1; attempts <= 7; attempts++) {
            Duration base = expected[attempts - 1];
            Duration low = RetrySchedule.next(attempts, Optional.empty(), 0.0).orElseThrow();
            Duration middle =
                    RetrySchedule.next(attempts, Optional.empty(), 0.5).orElseThrow();
            Duration high =
                    RetrySchedule.next(attempts, Optional.empty(), 0.999999).orElseThrow();
            assertEquals(base.toMillis() * 8 / 10, low.toMillis(), "-20 % after attempt " + attempts);
            assertEquals(base, middle);
            assertTrue(high.toMillis() <= base.toMillis() * 12 / 10, "at most +20 % after attempt " + attempts);
            assertTrue(high.toMillis() > base.toMillis() * 119 / 100);
        }
        assertEquals(Optional.empty(), RetrySchedule.next(8, Optional.empty(), 0.5), "none after the eighth");
    }

    @Test
    void aLongerRetryAfterIsHonouredAndAShorterOneIsNot() {
        assertEquals(
                Duration.ofSeconds(30),
                RetrySchedule.next(1, Optional.of(Duration.ofSeconds(30)), 0.5).orElseThrow());
        assertEquals(
                Duration.ofMinutes(5),
                RetrySchedule.next(2, Optional.of(Duration.ofSeconds(30)), 0.5).orElseThrow());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCapped() {
        java.time.Instant now = java.time.Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), WebhookSender.retryAfter("120", now));
        assertEquals(
                Optional.of(Duration.ofMinutes(1)), WebhookSender.retryAfter("Sun, 22 Nov 2026 10:01:00 GMT", now));
        assertEquals(Optional.of(Duration.ofHours(24)), WebhookSender.retryAfter("99999999", now));
        assertEquals(Optional.empty(), WebhookSender.retryAfter("soon", now));
        assertEquals(Optional.empty(), WebhookSender.retryAfter("-5", now));
        assertEquals(Optional.empty(), WebhookSender.retryAfter(null, now));
    }
}
