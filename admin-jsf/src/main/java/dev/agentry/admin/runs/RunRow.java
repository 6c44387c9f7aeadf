package dev.agentry.admin.runs;

import dev.agentry.core.runs.RunStatus;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** A run as a row of the list and the head of its page: the envelope's fields as plain text. */
public record RunRow(
        String id,
        String status,
        String outcome,
        String stopReason,
        String agent,
        String credentialId,
        String createdAt,
        String finishedAt,
        String bundleId,
        boolean cancelRequested)
        implements Serializable {

    static RunRow of(JsonObject run) {
        return new RunRow(
                text(run, "id"),
                text(run, "status"),
                text(run, "outcome"),
                text(run, "stopReason"),
                text(run, "agent"),
                text(run, "credentialId"),
                text(run, "createdAt"),
                text(run, "finishedAt"),
                text(run, "bundleId"),
                run.getBoolean("cancelRequested", false));
    }

    /** A member as text; null and absent members are empty. */
    static String text(JsonObject json, String name) {
        return json.getString(name, "");
    }

    /** Whether the run has ended; the rule is the core's. */
    public boolean ended() {
        return RunStatus.parse(status).map(RunStatus::terminal).orElse(false);
    }
}
