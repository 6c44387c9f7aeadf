package dev.agentry.core.runs;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /runs} as {@code agentry/task-input/v1}, with its limits: the contract published as the
 * {@code task-input} schema, read into a {@link TaskInput}. The workspace comes from a named seed or an uploaded zip
 * (Base64), never from a path.
 */
@Doc(TaskInputJson.SCHEMA + ": a task for an agent")
public record TaskInputBody(
        @Pattern(regexp = "^agentry/task-input/v1$") String schema,
        @NotNull @Size(max = 20000) String goal,
        @Size(max = 2000) String target,
        @NotNull @Doc("The agent's slug") String agent,
        List<String> allowedTools,
        List<String> expectedArtifacts,

        @Size(max = 50) @Doc("A provider the server knows: scripted")
        String provider,

        @Size(max = 200) String model,
        @NotNull @Valid Workspace workspace,
        @Doc("Operator-allowed verify steps, by name") List<String> verifySteps,

        @Doc("Names of environment variables handed to verify steps")
        List<@Pattern(regexp = ENV_NAME) String> secretEnv,

        @Valid TaskToolPolicy toolPolicy,

        @Min(1) @Doc("At most the server's maximum run time")
        Integer timeoutSeconds,

        @Min(1) @Max(TaskInputJson.MAX_TURNS) Integer maxTurns,
        @Min(1) @Max(TaskInputJson.MAX_TOOL_CALLS) Integer maxToolCalls,
        @Min(1) @Max(TaskInputJson.MAX_TOOL_CALLS) Integer maxCallsPerTool,
        @Size(max = 200) String sessionId,
        @Doc("Free-form context handed to the agent") JsonObject context,
        JsonObject orchestrator,

        @Doc(
                "Scripted provider turns: {text?, toolCalls?: [{tool, arguments}], final?, finalStatus?, error?, delayMs?}")
        JsonArray script,

        @Min(1) @Max(3650) Integer retentionDays) {

    /** An environment variable name. */
    public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";

    /** Exactly one: a seed the operator allowed, or a Base64 zip. */
    @Doc("Exactly one: seed (a name the operator allowed) or archive (a Base64 zip)")
    public record Workspace(
            String seed, @Doc("A Base64-encoded zip file") String archive) {}

    /** Tools this task may not call, on top of the agent's policy. */
    public record TaskToolPolicy(List<String> deny) {}
}
