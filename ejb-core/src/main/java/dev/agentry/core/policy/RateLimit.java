package dev.agentry.core.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per credential per minute, counted in fixed one-minute windows on this node. Simple to
 * explain to a caller: the limit, what is left, and when the window resets.
 */
@ApplicationScoped
public class RateLimit {

    /**
     * Where a credential stands in the current window.
     *
     * @param limit requests allowed per window
     * @param remaining requests left in it
     * @param resetSeconds seconds until it resets
     */
    public record Window(int limit, int remaining, long resetSeconds) {}

    private record Counter(long window, AtomicInteger used) {}

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "agentry.rate-limit.per-minute", defaultValue = "600")
    int perMinute;

    /** Counts a request; throws {@link RateLimited} when the window is used up. */
    public Window take(String credentialId) {
        long millis = clock.millis();
        long window = millis / 60_000;
        long resetSeconds = Math.max(1, (60_000 - millis % 60_000 + 999) / 1000);
        Counter counter = counters.compute(
                credentialId,
                (id, c) -> c == null || c.window() != window ? new Counter(window, new AtomicInteger()) : c);
        int used = counter.used().incrementAndGet();
        if (used > perMinute) {
            throw new RateLimited(new Window(perMinute, 0, resetSeconds));
        }
        return new Window(perMinute, perMinute - used, resetSeconds);
    }
}
