package dev.agentry.persistence.runs;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a run is: {@code queued → booting → running → collecting_artifacts →} one of the terminal
 * states. Forward only; a terminal state never changes. Cancel and timeout may end a run from any
 * earlier state, skipping the rest. Stored and shown by its {@link #wire()} name.
 */
public enum RunStatus {
    QUEUED,
    BOOTING,
    RUNNING,
    COLLECTING_ARTIFACTS,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED;

    /** Holding a slot: a job is (or should be) working on it. */
    public static final Set<RunStatus> ACTIVE = EnumSet.of(BOOTING, RUNNING, COLLECTING_ARTIFACTS);

    public static final Set<RunStatus> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED);

    /** The name in the column and on the wire, e.g. {@code timed_out}. */
    public String wire() {
        return WireNames.of(this);
    }

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    /** Whether a run may move from this status to {@code next}: forward, and never out of a terminal one. */
    public boolean canMoveTo(RunStatus next) {
        return !terminal() && next.ordinal() > ordinal();
    }

    public static Optional<RunStatus> parse(String text) {
        return WireNames.parse(RunStatus.class, text);
    }

    /** Every status {@code next} may be reached from. */
    public static Set<RunStatus> before(RunStatus next) {
        Set<RunStatus> from = EnumSet.noneOf(RunStatus.class);
        for (RunStatus status : values()) {
            if (status.canMoveTo(next)) {
                from.add(status);
            }
        }
        return from;
    }

    /** Stores a status by its wire name, as the rows written before the enum hold it. */
    @jakarta.persistence.Converter
    public static class Column extends WireNames.Converter<RunStatus> {
        public Column() {
            super(RunStatus.class);
        }
    }
}
