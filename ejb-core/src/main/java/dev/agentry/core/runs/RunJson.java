package dev.agentry.core.runs;

import dev.agentry.persistence.runs.AgentRun;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** A run as {@code agentry/agent-task-run/v1}. Links are the API's to add; this knows no URLs. */
public final class RunJson {

    public static final String SCHEMA = "agentry/agent-task-run/v1";

    private RunJson() {}

    public static JsonObjectBuilder write(AgentRun run) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("id", run.getId())
                .add("status", run.getStatus());
        nullable(json, "outcome", run.getOutcome());
        nullable(json, "stopReason", run.getStopReason());
        json.add("agent", run.getAgentSlug())
                .add("credentialId", run.getCredentialId())
                .add("cancelRequested", run.isCancelRequested());
        time(json, "createdAt", run.getCreatedAt());
        time(json, "startedAt", run.getStartedAt());
        time(json, "heartbeatAt", run.getHeartbeatAt());
        time(json, "deadlineAt", run.getDeadlineAt());
        time(json, "finishedAt", run.getFinishedAt());
        nullable(json, "bundleId", run.getBundleId());
        json.add("effectiveScopes", parse(run.getEffectiveScopes()))
                .add("effectiveTools", parse(run.getEffectiveTools()))
                .add("failureEvidence", parse(run.getFailureEvidence()))
                .add("timings", parse(run.getTimings()))
                .add("cleanup", run.getCleanup() == null ? JsonValue.EMPTY_JSON_ARRAY : parse(run.getCleanup()))
                .add("retentionDays", run.getRetentionDays())
                .add("taskInput", parse(run.getTaskInput()));
        if (run.getJobExecutionId() != null) {
            json.add("jobExecutionId", run.getJobExecutionId());
        }
        return json;
    }

    static JsonValue parse(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        nullable(json, name, value == null ? null : value.toString());
    }
}
