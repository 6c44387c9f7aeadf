package dev.agentry.it.harness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for what the server does asynchronously (jobs, deliveries, runs) with Awaitility, and says
 * on failure what was last seen, which Awaitility's own message does not.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {}

    /** Reads {@code state} until {@code done} holds, and returns it; fails with the last state read. */
    public static <T> T await(String what, Duration timeout, Supplier<T> state, Predicate<T> done) {
        return await(what, timeout, POLL, state, done);
    }

    /** As {@link #await(String, Duration, Supplier, Predicate)}, reading at most once per {@code poll}: for a state that is costly to read. */
    public static <T> T await(String what, Duration timeout, Duration poll, Supplier<T> state, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(poll)
                    .pollInSameThread()
                    .until(
                            () -> {
                                T current = state.get();
                                last.set(current);
                                return current;
                            },
                            done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + last.get(), e);
        }
    }

    /**
     * Waits until {@code holds} has been true at every check (once a second) for {@code period} in a
     * row, within {@code within}: for what must settle and stay so (no thread busy), not only become true.
     */
    public static void settles(String what, Duration within, Duration period, Supplier<Boolean> holds) {
        try {
            Awaitility.await(what)
                    .during(period)
                    .atMost(within)
                    .pollInterval(Duration.ofSeconds(1))
                    .pollInSameThread()
                    .until(holds::get);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not hold for " + period + " in a row within " + within, e);
        }
    }
}
