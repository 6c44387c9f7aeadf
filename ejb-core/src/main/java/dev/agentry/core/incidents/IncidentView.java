package dev.agentry.core.incidents;

import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.incidents.IncidentChange;
import dev.agentry.persistence.incidents.IncidentRecord;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API and the console show it: names, numbers, times and advice only, never a
 * secret, an address, a personal field or a payload.
 *
 * @param id stable for the signal and subject: a recurrence reopens the same incident
 * @param subject what it is about: a credential's id, a subscription's id, a job's name, {@code api},
 *     {@code audit}, {@code consumers} or {@code unattributed}
 * @param value the signal's value when last judged, in {@code unit}
 * @param windowSeconds for a counted signal, the window its value counts over; null for a level
 * @param history its transitions, newest first (at most {@link IncidentService#HISTORY})
 */
public record IncidentView(
        @NotNull String id,
        @NotNull String signal,
        @NotNull String subject,
        @NotNull @Doc("open or resolved") String status,

        @NotNull @Doc("warn or critical: now if open, when it resolved otherwise")
        String severity,

        @NotNull @Doc("the worst it reached since it last opened")
        String peakSeverity,

        long value,
        long warn,
        long critical,
        @NotNull String unit,
        Long windowSeconds,
        @NotNull @Doc("what the signal measures") String metric,
        @NotNull @Doc("what an on-call owner should do") String advice,
        @NotNull Instant openedAt,
        @NotNull Instant updatedAt,
        Instant resolvedAt,
        @NotNull List<Change> history)
        implements Serializable {

    /** One transition: opened, raised, lowered or resolved. */
    public record Change(
            @NotNull Instant at,
            @NotNull String status,
            @NotNull String severity,
            long value) implements Serializable {

        static Change of(IncidentChange change) {
            return new Change(change.getChangedAt(), change.getStatus(), change.getSeverity(), change.getValue());
        }
    }

    static IncidentView of(IncidentRecord incident, Long windowSeconds, List<Change> history) {
        Signal signal = Signal.named(incident.getSignal()).orElseThrow();
        return new IncidentView(
                incident.getId(),
                incident.getSignal(),
                incident.getSubject(),
                incident.getStatus(),
                incident.getSeverity(),
                incident.getPeakSeverity(),
                incident.getValue(),
                incident.getWarnAt(),
                incident.getCriticalAt(),
                signal.unit(),
                signal.kind() == Signal.Kind.COUNT ? windowSeconds : null,
                signal.description(),
                signal.advice(),
                incident.getOpenedAt(),
                incident.getUpdatedAt(),
                incident.getResolvedAt(),
                history);
    }
}
