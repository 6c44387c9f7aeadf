package dev.agentry.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one kind of record is found expired and removed. Both run in the caller's transaction (the chunk's):
 * {@link #expired} lists keys in a stable order, {@link #purge} removes those still expired, checking
 * again, so what became referenced since it was listed stays.
 */
public interface Purge {

    RetentionKind kind();

    /**
     * Up to {@code limit} keys of expired records after {@code afterKey} ({@code null}: from the start), in
     * key order.
     *
     * @param now the pass's reference instant, from which the horizons are measured
     */
    List<String> expired(Instant now, String afterKey, int limit);

    /** Removes those of {@code keys} still expired; returns what it removed, per tally name. */
    Map<String, Long> purge(Instant now, List<String> keys);
}
