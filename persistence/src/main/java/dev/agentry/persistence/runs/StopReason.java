package dev.agentry.persistence.runs;

/**
 * Why a run's work stopped: how its agent loop ended, or what ended the run from outside. Together
 * with the {@link Outcome} it says why a run ended as it did. Stored and shown by its {@link #wire()}
 * name.
 */
public enum StopReason {
    /** The agent gave its final result. */
    FINAL_RESULT,
    /** The task's turn budget was used up. */
    MAX_TURNS,
    /** The task's tool-call budget was used up. */
    MAX_TOOL_CALLS,
    /** One tool was called more often than the task allows. */
    MAX_CALLS_PER_TOOL,
    /** The task's token budget was used up (checked before every turn). */
    TOKEN_BUDGET,
    /** The model provider failed. */
    PROVIDER_ERROR,
    /** The run's deadline passed. */
    TIMEOUT,
    /** Someone cancelled the run. */
    CANCELLED,
    /** The run had already ended elsewhere (the watchdog, a cancel while queued). */
    ENDED,
    /** A verify step failed. */
    VERIFY_FAILED,
    /** Collecting the artifacts used up its budget of time or bytes. */
    COLLECT_BUDGET,
    /** The run's batch job could not be started. */
    NOT_STARTED,
    /** The watchdog timed the run out: no heartbeat, or long past its deadline. */
    WATCHDOG;

    /** The name in the column and on the wire, e.g. {@code final_result}. */
    public String wire() {
        return WireNames.of(this);
    }

    /** Stores a stop reason by its wire name, as the rows written before the enum hold it. */
    @jakarta.persistence.Converter
    public static class Column extends WireNames.Converter<StopReason> {
        public Column() {
            super(StopReason.class);
        }
    }
}
