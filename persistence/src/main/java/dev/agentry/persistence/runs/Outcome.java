package dev.agentry.persistence.runs;

/**
 * How a finished run is classified (SPEC section 9). {@code NO_OP} is a success that changed nothing,
 * told apart from a failure that happened to leave nothing behind. Stored and shown by its {@link
 * #wire()} name.
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

    /** The name in the column and on the wire, e.g. {@code no_op}. */
    public String wire() {
        return WireNames.of(this);
    }

    /** Stores an outcome by its wire name, as the rows written before the enum hold it. */
    @jakarta.persistence.Converter
    public static class Column extends WireNames.Converter<Outcome> {
        public Column() {
            super(Outcome.class);
        }
    }
}
