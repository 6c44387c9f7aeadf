package dev.agentry.core.runs;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.tools.UnicodeText;
import dev.agentry.core.validation.JsonRecords;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Duration;
import java.util.List;

/**
 * A task as a run keeps and shows it ({@code agentry/task-input/v1}, defaults filled in, an uploaded archive as
 * {@code {bytes, sha256}}), written by JSON-B; absent members are those the task left unset. It reads back as the
 * {@link TaskRequest} it was accepted as, so a row any version wrote reads the same way. Public only because JSON-B
 * writes public types; nothing outside the runs feature uses it.
 */
@JsonbPropertyOrder({
    "schema",
    "goal",
    "target",
    "agent",
    "allowedTools",
    "expectedArtifacts",
    "provider",
    "model",
    "workspace",
    "verifySteps",
    "secretEnv",
    "toolPolicy",
    "timeoutSeconds",
    "maxTurns",
    "maxToolCalls",
    "maxCallsPerTool",
    "sessionId",
    "context",
    "orchestrator",
    "script",
    "tokenBudget",
    "retentionDays"
})
public record StoredTask(
        String schema,
        String goal,
        String target,
        String agent,
        List<String> allowedTools,
        List<String> expectedArtifacts,
        String provider,
        String model,
        Workspace workspace,
        List<String> verifySteps,
        List<String> secretEnv,
        TaskRequest.TaskPolicy toolPolicy,
        long timeoutSeconds,
        int maxTurns,
        int maxToolCalls,
        Integer maxCallsPerTool,
        String sessionId,
        JsonObject context,
        JsonObject orchestrator,
        JsonArray script,
        Long tokenBudget,
        int retentionDays) {

    /** Where the workspace came from: a seed, or an archive shown by its size and digest (its bytes are not kept). */
    @JsonbPropertyOrder({"seed", "archive"})
    public record Workspace(String seed, Archive archive) {}

    @JsonbPropertyOrder({"bytes", "sha256"})
    public record Archive(int bytes, String sha256) {}

    static StoredTask of(TaskInput task) {
        return new StoredTask(
                TaskRequest.SCHEMA,
                task.goal(),
                task.target(),
                task.agent(),
                task.allowedTools(),
                task.expectedArtifacts(),
                task.provider(),
                task.model(),
                task.archive() == null
                        ? new Workspace(task.seed(), null)
                        : new Workspace(null, new Archive(task.archive().length, FileDigest.of(task.archive()))),
                task.verifySteps(),
                task.secretEnv(),
                new TaskRequest.TaskPolicy(task.deniedTools()),
                task.timeout().toSeconds(),
                task.maxTurns(),
                task.maxToolCalls(),
                task.maxCallsPerTool(),
                task.sessionId(),
                task.context(),
                task.orchestrator(),
                task.script(),
                task.tokenBudget(),
                task.retentionDays());
    }

    /** The stored JSON text; a lone surrogate a script may carry is escaped, so PostgreSQL keeps it too. */
    String json() {
        return UnicodeText.escapedInJson(JsonRecords.write(this));
    }

    /**
     * The task a stored row holds; its archive was unpacked into the run's baseline at submission, so it reads back
     * as an empty one.
     */
    static TaskInput read(JsonValue stored) {
        JsonObject task = stored.asJsonObject();
        JsonObject workspace = task.getJsonObject("workspace");
        if (workspace != null && workspace.get("archive") instanceof JsonObject) {
            task = Jsonp.createObjectBuilder(task)
                    .add("workspace", Jsonp.createObjectBuilder().add("archive", ""))
                    .build();
        }
        return JsonRecords.bind(task, TaskRequest.class).value().task(Duration.ofDays(1), 1);
    }
}
