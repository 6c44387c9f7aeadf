package dev.agentry.core.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server remembers of one schedule ({@code job_schedule}), read against the present. A remembered
 * time later than now can only come from a clock that was stepped forward and back again; trusted, it would
 * hide every missed fire time until real time caught up with it, so it is taken for now instead.
 *
 * @param registeredAt since when the expression has held
 * @param lastFiredAt when the schedule last fired, or {@code null}
 */
public record ScheduleHistory(Instant registeredAt, Instant lastFiredAt) {

    public ScheduleHistory {
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** Whether a remembered time lies after {@code now}: the clock was moved back since it was recorded. */
    public boolean aheadOf(Instant now) {
        return registeredAt.isAfter(now) || (lastFiredAt != null && lastFiredAt.isAfter(now));
    }

    /** The moment after which fire times count: the later of registration and last firing, never after now. */
    public Instant accountedUntil(Instant now) {
        Instant latest = lastFiredAt == null || lastFiredAt.isBefore(registeredAt) ? registeredAt : lastFiredAt;
        return latest.isAfter(now) ? now : latest;
    }

    /** The first fire time that passed unserved (while the server was down), if one has. */
    public Optional<Instant> owed(CronSchedule cron, Instant now) {
        return cron.next(accountedUntil(now)).filter(owed -> !owed.isAfter(now));
    }
}
