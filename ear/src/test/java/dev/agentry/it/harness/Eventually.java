package dev.agentry.it.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls what the server does asynchronously (jobs, deliveries) until it is done or time runs out. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {}

    /** Reads {@code state} until {@code done} holds, and returns it; fails with the last state read. */
    public static <T> T await(String what, Duration timeout, Supplier<T> state, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T current = state.get();
            if (done.test(current)) {
                return current;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + current);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
