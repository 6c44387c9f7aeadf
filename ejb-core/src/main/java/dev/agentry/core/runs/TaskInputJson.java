package dev.agentry.core.runs;

import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.validation.JsonRecords;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;

/**
 * A task as a run keeps and shows it ({@code agentry/task-input/v1}, defaults filled in, an uploaded
 * archive as {@code {bytes, sha256}}), written and read back. A submitted task is a {@link TaskRequest}.
 */
public final class TaskInputJson {

    public static final String SCHEMA = TaskRequest.SCHEMA;
    static final int MAX_TURNS = TaskRequest.MAX_TURNS;
    static final int MAX_TOOL_CALLS = TaskRequest.MAX_TOOL_CALLS;

    private TaskInputJson() {}

    /**
     * The task as {@link #write} kept it; its archive was unpacked into the run's baseline at submission,
     * so it reads back as an empty one.
     */
    public static TaskInput readStored(JsonValue stored) {
        JsonObject task = stored.asJsonObject();
        JsonObject workspace = task.getJsonObject("workspace");
        if (workspace != null && workspace.get("archive") instanceof JsonObject) {
            task = Json.createObjectBuilder(task)
                    .add("workspace", Json.createObjectBuilder().add("archive", ""))
                    .build();
        }
        return JsonRecords.bind(task, TaskRequest.class).value().task(Duration.ofDays(1), 1);
    }

    /** The task complete, defaults filled in, as the run keeps and shows it. */
    public static JsonObject write(TaskInput task) {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("schema", SCHEMA).add("goal", task.goal());
        add(json, "target", task.target());
        json.add("agent", task.agent())
                .add("allowedTools", Json.createArrayBuilder(task.allowedTools()))
                .add("expectedArtifacts", Json.createArrayBuilder(task.expectedArtifacts()));
        add(json, "provider", task.provider());
        add(json, "model", task.model());
        json.add(
                "workspace",
                task.archive() == null
                        ? Json.createObjectBuilder().add("seed", task.seed())
                        : Json.createObjectBuilder()
                                .add(
                                        "archive",
                                        Json.createObjectBuilder()
                                                .add("bytes", task.archive().length)
                                                .add("sha256", FileDigest.of(task.archive()))));
        json.add("verifySteps", Json.createArrayBuilder(task.verifySteps()))
                .add("secretEnv", Json.createArrayBuilder(task.secretEnv()))
                .add("toolPolicy", Json.createObjectBuilder().add("deny", Json.createArrayBuilder(task.deniedTools())))
                .add("timeoutSeconds", task.timeout().toSeconds())
                .add("maxTurns", task.maxTurns())
                .add("maxToolCalls", task.maxToolCalls());
        if (task.maxCallsPerTool() != null) {
            json.add("maxCallsPerTool", task.maxCallsPerTool());
        }
        add(json, "sessionId", task.sessionId());
        if (task.context() != null) {
            json.add("context", task.context());
        }
        if (task.orchestrator() != null) {
            json.add("orchestrator", task.orchestrator());
        }
        if (task.script() != null) {
            json.add("script", task.script());
        }
        if (task.tokenBudget() != null) {
            json.add("tokenBudget", task.tokenBudget());
        }
        return json.add("retentionDays", task.retentionDays()).build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
