package dev.agentry.core.incidents;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete measurement of a {@link Signal.Kind#LEVEL} signal, fired as a CDI event by the feature that
 * measures it (the sync-state job's lag snapshot): every subject it names is at its level, every subject it
 * does not name is at 0, so an incident about a subject that is no longer measured (its consumer caught up,
 * its checkpoint went) resolves. {@link IncidentSignals} judges it by the signal's thresholds like any other
 * observation.
 *
 * @param signal a level signal
 * @param levels each subject's level (ids only, as in {@link SignalObserved}); at most {@link #MAX_SUBJECTS},
 *     the highest kept
 * @param at when it was measured, from the injected clock
 */
public record LevelsMeasured(Signal signal, Map<String, Long> levels, Instant at) {

    /** The most subjects one measurement names: the worst, within what incidents remember. */
    public static final int MAX_SUBJECTS = 500;

    public LevelsMeasured {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(at, "at");
        if (signal.kind() != Signal.Kind.LEVEL) {
            throw new IllegalArgumentException(signal.wireName() + " is counted, not measured");
        }
        Map<String, Long> worst = new LinkedHashMap<>();
        levels.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(MAX_SUBJECTS)
                .forEach(level -> worst.put(level.getKey(), level.getValue()));
        levels = Map.copyOf(worst);
    }
}
