package dev.agentry.core.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per credential per minute, across every node, in fixed one-minute windows. Simple to explain to a
 * caller: the limit, what is left, and when the window resets. A request costs an atomic increment on this
 * node; {@link RateLimitSync} adds each node's new requests to the shared window and brings back what the other
 * nodes admitted, so a credential's budget is the cluster's, give or take one sync interval of traffic.
 */
@ApplicationScoped
public class RateLimit {

    static final long WINDOW_MILLIS = 60_000;

    /**
     * Where a credential stands in the current window.
     *
     * @param limit requests allowed per window
     * @param remaining requests left in it
     * @param resetSeconds seconds until it resets
     */
    public record Window(int limit, int remaining, long resetSeconds) {}

    /** Requests of one window to add to the shared table. */
    record Addition(String credentialId, WindowCount count, int requests) {}

    /** A window whose cluster total to read back. */
    record Reading(String credentialId, WindowCount count) {}

    /** What one sync adds and reads: the current window's counts only are read back. */
    record Sync(long minute, List<Addition> additions, List<Reading> readings) {

        boolean isEmpty() {
            return additions.isEmpty() && readings.isEmpty();
        }
    }

    private final Map<String, WindowCount> counts = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "agentry.rate-limit.per-minute", defaultValue = "600")
    int perMinute;

    /** Counts a request; throws {@link RateLimited} when the window is used up, without counting it. */
    public Window take(String credentialId) {
        long millis = clock.millis();
        long minute = minuteOf(millis);
        WindowCount count = counts.get(credentialId);
        if (count == null || count.minute != minute) {
            count = counts.compute(
                    credentialId, (id, c) -> c != null && c.minute == minute ? c : new WindowCount(minute, c));
        }
        int used = count.admitted.incrementAndGet() + count.others;
        if (used > perMinute) {
            count.admitted.decrementAndGet();
            throw new RateLimited(new Window(perMinute, 0, resetSeconds(millis)));
        }
        return new Window(perMinute, perMinute - used, resetSeconds(millis));
    }

    /**
     * What to add to the shared windows and read back at {@code millis}: the requests admitted since the last
     * sync, and the totals of every credential this node served in the current window. A credential not
     * used here in the current window or the one before is forgotten: it costs the sync nothing.
     */
    Sync pending(long millis) {
        long minute = minuteOf(millis);
        List<Addition> additions = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        for (Map.Entry<String, WindowCount> entry : counts.entrySet()) {
            String id = entry.getKey();
            WindowCount count = entry.getValue();
            WindowCount previous = count.previous;
            if (previous != null) {
                if (previous.unsynced() > 0) {
                    additions.add(new Addition(id, previous, previous.unsynced()));
                } else {
                    count.previous = null;
                }
            }
            int unsynced = count.unsynced();
            if (count.minute < minute && (unsynced == 0 || count.minute < minute - 1)) {
                counts.remove(id, count);
                continue;
            }
            if (unsynced > 0) {
                additions.add(new Addition(id, count, unsynced));
            }
            if (count.minute == minute) {
                readings.add(new Reading(id, count));
            }
        }
        return new Sync(minute, additions, readings);
    }

    /** Records that {@code sync}'s additions are in the shared table, whose totals for its minute were read. */
    void synced(Sync sync, Map<String, Long> totals) {
        for (Addition addition : sync.additions()) {
            addition.count().synced += addition.requests();
        }
        for (Reading reading : sync.readings()) {
            long others = totals.getOrDefault(reading.credentialId(), 0L) - reading.count().synced;
            reading.count().others = (int) Math.max(0, Math.min(Integer.MAX_VALUE, others));
        }
    }

    /** The window of {@code millis}: minutes since the epoch. */
    static long minuteOf(long millis) {
        return Math.floorDiv(millis, WINDOW_MILLIS);
    }

    /** Whole seconds until the window of {@code millis} ends, at least 1. */
    static long resetSeconds(long millis) {
        return Math.max(1, (WINDOW_MILLIS - Math.floorMod(millis, WINDOW_MILLIS) + 999) / 1000);
    }
}
