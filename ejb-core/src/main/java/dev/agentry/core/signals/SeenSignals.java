package dev.agentry.core.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which signal ids this node has acted on. Ids are handed out when a signal is written, not when it commits: a
 * lower id can become visible after a higher one was read, and a rolled-back transaction leaves an id that never
 * will. So the node reads everything above its {@linkplain #floor() floor} (every id up to it is settled), acts
 * on each id once, and waits for a missing id below the highest one read for {@link #patience}, as long as
 * the transaction that took it could still commit, before giving up on it. Not thread-safe: one poller owns it.
 */
final class SeenSignals {

    /** Ids waited for at most: a jump beyond this gives up on the oldest missing ones at once. */
    static final int MAX_MISSING = 10_000;

    private final Duration patience;
    private long floor;
    private final TreeSet<Long> settledAbove = new TreeSet<>();
    private final Map<Long, Instant> missingSince = new HashMap<>();

    /**
     * @param floor the newest id when the node started: what came before concerns no cache it holds
     * @param patience how long a missing id is waited for
     */
    SeenSignals(long floor, Duration patience) {
        this.floor = floor;
        this.patience = patience;
    }

    /** Read the signals above this id next. */
    long floor() {
        return floor;
    }

    /** How many ids below the highest read have not come yet and are still waited for. */
    int missing() {
        return missingSince.size();
    }

    /**
     * Takes the ids just read (any order, any already seen) and returns those to act on, each exactly once.
     *
     * @param read the ids above the floor that the read found
     * @param now when they were read
     */
    List<Long> take(List<Long> read, Instant now) {
        List<Long> fresh = new ArrayList<>();
        long highest = floor;
        for (long id : read) {
            if (id > floor && settledAbove.add(id)) {
                fresh.add(id);
                missingSince.remove(id);
            }
            highest = Math.max(highest, id);
        }
        if (highest - floor > MAX_MISSING) {
            giveUpBelow(highest - MAX_MISSING);
        }
        for (long id = floor + 1; id < highest; id++) {
            if (!settledAbove.contains(id)) {
                missingSince.putIfAbsent(id, now);
            }
        }
        missingSince.entrySet().removeIf(missing -> {
            if (missing.getValue().plus(patience).isBefore(now)) {
                settledAbove.add(missing.getKey());
                return true;
            }
            return false;
        });
        while (settledAbove.remove(floor + 1)) {
            floor++;
        }
        return fresh;
    }

    private void giveUpBelow(long id) {
        missingSince.keySet().removeIf(missing -> missing <= id);
        settledAbove.headSet(id, true).clear();
        floor = id;
    }
}
