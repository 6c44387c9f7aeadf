package dev.agentry.core.runs;

import dev.agentry.core.json.JsonTree;
import dev.agentry.core.json.Jsonp;
import dev.agentry.persistence.runs.RunEvent;
import dev.agentry.persistence.runs.RunStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * One event of a run as streams carry it: its number within the run (the SSE {@code id}), its type
 * (the SSE {@code event}) and its data, already redacted.
 *
 * @param type {@code status} for every lifecycle move (data {@code {status, outcome?, stopReason?}}),
 *     else what the run's evidence calls it: {@code booting}, {@code running}, {@code turn}, {@code
 *     message}, {@code tool_call}, {@code loop_ended}, {@code collecting_artifacts}, {@code artifacts}
 */
public record RunEventRecord(String runId, long seq, Instant at, String type, JsonObject data) {

    public static final String STATUS = "status";

    static RunEventRecord of(RunEvent row) {
        return new RunEventRecord(
                row.getRunId(),
                row.getSeq(),
                row.getAt(),
                row.getType(),
                JsonTree.parse(row.getData()).asJsonObject());
    }

    /** The run's last event: a move to a terminal status. Nothing follows it. */
    public boolean terminal() {
        return STATUS.equals(type)
                && RunStatus.parse(data.getString("status", ""))
                        .map(RunStatus::terminal)
                        .orElse(false);
    }

    /**
     * The event as its stream's data carries it ({@code run, seq, at, type, data}), one form for the API's
     * stream and the console's; a stream adds what its readers need besides.
     */
    public JsonObjectBuilder wire() {
        return Jsonp.createObjectBuilder()
                .add("run", runId)
                .add("seq", seq)
                .add("at", at.toString())
                .add("type", type)
                .add("data", data);
    }
}
