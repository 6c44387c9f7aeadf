package dev.agentry.core.runs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a run is: {@code queued → booting → running → collecting_artifacts →} one of the terminal
 * states. Forward only; a terminal state never changes. Cancel and timeout may end a run from any
 * earlier state, skipping the rest.
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

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    /** Whether a run may move from this status to {@code next}: forward, and never out of a terminal one. */
    public boolean canMoveTo(RunStatus next) {
        return !terminal() && next.ordinal() > ordinal();
    }

    public static Optional<RunStatus> parse(String text) {
        for (RunStatus status : values()) {
            if (status.wire().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Every status {@code next} may be reached from. */
    public static Set<String> before(RunStatus next) {
        Set<String> from = new java.util.TreeSet<>();
        for (RunStatus status : values()) {
            if (status.canMoveTo(next)) {
                from.add(status.wire());
            }
        }
        return from;
    }
}
