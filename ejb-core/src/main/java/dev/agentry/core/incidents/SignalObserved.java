package dev.agentry.core.incidents;

import java.time.Instant;
import java.util.Objects;

/**
 * The one way into incidents: any feature fires this as a CDI event ({@code Event<SignalObserved>}),
 * synchronously, and {@link IncidentSignals} judges it against the signal's thresholds.
 *
 * @param signal what was observed
 * @param subject what it is about: a credential's id for {@link Signal#perCredential()} signals, a
 *     subscription's id, a job's name; an id or name only, never a secret, address or personal datum
 * @param value for a {@link Signal.Kind#COUNT} signal the number of occurrences (usually 1), for a
 *     {@link Signal.Kind#LEVEL} signal the level measured now
 * @param at when, from the injected clock
 */
public record SignalObserved(Signal signal, String subject, long value, Instant at) {

    /** Subjects are ids and names: longer text is no subject, and is cut so it cannot bloat a row. */
    public static final int MAX_SUBJECT = 100;

    public SignalObserved {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(at, "at");
        subject = subject == null || subject.isBlank() ? IncidentSignals.UNATTRIBUTED : subject.strip();
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        if (value < 0) {
            throw new IllegalArgumentException("a signal's value is never negative: " + value);
        }
    }

    /** One occurrence of a counted signal. */
    public static SignalObserved once(Signal signal, String subject, Instant at) {
        return new SignalObserved(signal, subject, 1, at);
    }
}
