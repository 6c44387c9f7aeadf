package dev.agentry.core.runs;

import java.util.Locale;

/**
 * How a finished run is classified (SPEC section 9). {@code NO_OP} is a success that changed nothing,
 * told apart from a failure that happened to leave nothing behind.
 */
public enum Outcome {
    SUCCEEDED(RunStatus.SUCCEEDED),
    NO_OP(RunStatus.SUCCEEDED),
    FAILED(RunStatus.FAILED),
    TIMEOUT(RunStatus.TIMED_OUT),
    PROVIDER_ERROR(RunStatus.FAILED),
    UNABLE_TO_REMEDIATE(RunStatus.FAILED),
    CANCELLED(RunStatus.CANCELLED);

    private final RunStatus status;

    Outcome(RunStatus status) {
        this.status = status;
    }

    /** The terminal status a run with this outcome ends in. */
    public RunStatus status() {
        return status;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
