package dev.agentry.core.runs;

import dev.agentry.core.json.JsonTree;
import dev.agentry.persistence.runs.RunEvent;
import dev.agentry.persistence.runs.RunStatus;
import jakarta.json.JsonObject;
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
}
