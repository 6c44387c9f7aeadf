package dev.agentry.core.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current value of every (signal, subject) observed: counts within a sliding window, and the
 * last level measured. Bounded: at most {@link #MAX_KEYS} keys (the least recently observed goes
 * first) and {@link #MAX_PER_KEY} remembered occurrences per key, which is beyond any sensible
 * critical threshold. Not thread-safe: {@link IncidentSignals} guards it.
 */
final class SignalWindows {

    static final int MAX_KEYS = 2_000;
    static final int MAX_PER_KEY = 10_000;

    /** One signal about one subject. */
    record Key(Signal signal, String subject) {}

    private record Occurrence(Instant at, long count) {}

    private final Duration window;
    private final Map<Key, Deque<Occurrence>> counts = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, Long> levels = new LinkedHashMap<>(16, 0.75f, true);

    SignalWindows(Duration window) {
        this.window = window;
    }

    /** Adds an observation; returns the key's value now. */
    long observe(SignalObserved observed, Instant now) {
        Key key = new Key(observed.signal(), observed.subject());
        if (observed.signal().kind() == Signal.Kind.LEVEL) {
            levels.put(key, observed.value());
            trim(levels);
            return observed.value();
        }
        Deque<Occurrence> occurrences = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        occurrences.addLast(new Occurrence(observed.at(), observed.value()));
        while (occurrences.size() > MAX_PER_KEY) {
            occurrences.removeFirst();
        }
        trim(counts);
        return value(key, now).orElse(0L);
    }

    /**
     * The key's value now: the occurrences within the window up to {@code now} (none once they all
     * left it), or the last level; empty for a level never measured since the server started.
     */
    Optional<Long> value(Key key, Instant now) {
        if (key.signal().kind() == Signal.Kind.LEVEL) {
            return Optional.ofNullable(levels.get(key));
        }
        Deque<Occurrence> occurrences = counts.get(key);
        if (occurrences == null) {
            return Optional.of(0L);
        }
        Instant from = now.minus(window);
        occurrences.removeIf(o -> !o.at().isAfter(from));
        long total = 0;
        for (Occurrence o : occurrences) {
            // A clock moved back leaves occurrences "in the future": they count once their time comes.
            if (!o.at().isAfter(now)) {
                total += o.count();
            }
        }
        if (occurrences.isEmpty()) {
            counts.remove(key);
        }
        return Optional.of(total);
    }

    /** Every key with a count or level remembered. */
    Set<Key> keys() {
        Set<Key> all = new java.util.LinkedHashSet<>(counts.keySet());
        all.addAll(levels.keySet());
        return all;
    }

    private static void trim(Map<Key, ?> map) {
        Iterator<Key> eldest = map.keySet().iterator();
        while (map.size() > MAX_KEYS && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
