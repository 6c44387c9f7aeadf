package dev.agentry.core.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again (SPEC section 8): the first attempt is immediate, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each with ±20 % jitter so receivers coming back from
 * an outage are not hit by every sender at once. A {@code Retry-After} longer than the next delay
 * is honoured. After the eighth attempt there is none.
 */
final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    /** Every attempt a delivery gets, the first one included. */
    public static final int ATTEMPTS = DELAYS.size() + 1;

    static final double JITTER = 0.2;

    private RetrySchedule() {}

    /**
     * The wait before the next attempt, or empty when {@code attemptsMade} exhausted the schedule.
     *
     * @param attemptsMade attempts so far, the failed one included (1 after the first)
     * @param retryAfter what the receiver asked for, if anything
     * @param unit a number in [0, 1) that picks the jitter
     */
    public static Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter, double unit) {
        if (attemptsMade < 1 || attemptsMade >= ATTEMPTS) {
            return Optional.empty();
        }
        Duration base = DELAYS.get(attemptsMade - 1);
        double factor = 1 - JITTER + 2 * JITTER * unit;
        Duration jittered = Duration.ofMillis(Math.round(base.toMillis() * factor));
        return Optional.of(
                retryAfter.filter(asked -> asked.compareTo(jittered) > 0).orElse(jittered));
    }
}
