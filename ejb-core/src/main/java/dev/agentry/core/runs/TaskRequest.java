package dev.agentry.core.runs;

import dev.agentry.core.tools.KnownTool;
import dev.agentry.core.tools.ToolSelector;
import dev.agentry.core.validation.Codes;
import dev.agentry.core.validation.OneOf;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A task as a caller submits it ({@code agentry/task-input/v1}), with the rules of its structure and
 * bounds. Whether the agent, seed, steps and secrets exist, and the operator's longest timeout, are
 * the submission's checks ({@link RunService}); the workspace comes from a named seed or an uploaded
 * zip (Base64), never from a path.
 *
 * @param script the scripted provider's turns; required when the provider is {@code scripted}
 * @param sessionId the caller's session the run continues: its transcript is the run's context, and the
 *     run's messages are appended to it; one run at a time writes a session
 * @param onBusy when another run holds the session: {@code refuse} ({@code 409 transcript_locked}, the
 *     default) or {@code queue} (the run waits, queued, until the session is free)
 * @param tokenBudget the most tokens (prompt and completion, as the provider reports them) the run's
 *     turns may use; checked before every turn, so the turn that crosses it completes. Null: no limit
 */
public record TaskRequest(
        @Pattern(
                regexp = TaskRequest.SCHEMA,
                message = "the schema is " + TaskRequest.SCHEMA,
                payload = Codes.Unsupported.class)
        String schema,

        @NotBlank(message = "goal is required") @Size(max = 20000, message = "goal is at most {max} characters")
        String goal,

        @Size(max = 2000, message = "target is at most {max} characters")
        String target,

        @NotBlank(message = "agent is required") String agent,

        @Size(max = 100, message = "at most {max} entries")
        List<@NotNull(message = "each entry must be a string") @KnownTool String> allowedTools,

        @Size(max = 100, message = "at most {max} entries")
        List<@NotNull(message = "each entry must be a string") String> expectedArtifacts,

        @Size(max = 50, message = "provider is at most {max} characters")
        String provider,

        @Size(max = 200, message = "model is at most {max} characters")
        String model,

        @NotNull(message = "workspace names a seed or carries an archive") @Valid
        Workspace workspace,

        @Size(max = 100, message = "at most {max} entries")
        List<@NotNull(message = "each entry must be a string") String> verifySteps,

        @Size(max = 100, message = "at most {max} entries")
        List<
                        @NotNull(message = "each entry must be a string")
                        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,127}", message = "an environment variable name")
                        String>
                secretEnv,

        @Valid TaskPolicy toolPolicy,

        @Min(value = 1, message = "timeoutSeconds is at least 1")
        Integer timeoutSeconds,

        @Min(value = 1, message = "from 1 to " + TaskRequest.MAX_TURNS)
        @Max(value = TaskRequest.MAX_TURNS, message = "from 1 to " + TaskRequest.MAX_TURNS)
        Integer maxTurns,

        @Min(value = 1, message = "from 1 to " + TaskRequest.MAX_TOOL_CALLS)
        @Max(value = TaskRequest.MAX_TOOL_CALLS, message = "from 1 to " + TaskRequest.MAX_TOOL_CALLS)
        Integer maxToolCalls,

        @Min(value = 1, message = "from 1 to " + TaskRequest.MAX_TOOL_CALLS)
        @Max(value = TaskRequest.MAX_TOOL_CALLS, message = "from 1 to " + TaskRequest.MAX_TOOL_CALLS)
        Integer maxCallsPerTool,

        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}",
                message = "a sessionId is 1 to 200 letters, digits, '.', '_', ':' and '-', from a letter or digit")
        String sessionId,

        JsonObject context,
        JsonObject orchestrator,
        JsonArray script,

        @Min(value = 1, message = "from 1 to 3650") @Max(value = 3650, message = "from 1 to 3650")
        Integer retentionDays,

        @Min(value = 1, message = "from 1 to " + TaskRequest.MAX_TOKEN_BUDGET)
        @Max(value = TaskRequest.MAX_TOKEN_BUDGET, message = "from 1 to " + TaskRequest.MAX_TOKEN_BUDGET)
        Long tokenBudget,

        @Pattern(regexp = "refuse|queue", message = "onBusy is refuse or queue")
        String onBusy) {

    public static final String SCHEMA = "agentry/task-input/v1";
    public static final int MAX_TURNS = 200;
    public static final int MAX_TOOL_CALLS = 1000;
    /** The most tokens a task may budget over all its turns. */
    public static final long MAX_TOKEN_BUDGET = 100_000_000L;

    static final int DEFAULT_TURNS = 20;
    static final int DEFAULT_TOOL_CALLS = 100;

    /**
     * Where the run's workspace comes from: exactly one of a seed the operator allows, or a zip file.
     *
     * @param archive a Base64-encoded zip file
     */
    @OneOf(
            value = {"seed", "archive"},
            message = "give exactly one of seed and archive")
    public record Workspace(String seed, @Base64Encoded String archive) {}

    /** The tools the task denies on top of the agent's policy: tools, categories or {@code *}. */
    public record TaskPolicy(
            @Size(max = 100, message = "at most {max} entries")
            List<@NotNull(message = "each entry must be a string") @ToolSelector String> deny) {}

    /** Base64 as {@link Base64#getDecoder()} reads it. Null is valid. */
    @Constraint(validatedBy = Base64Encoded.Check.class)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
    public @interface Base64Encoded {

        String message() default "archive is a Base64-encoded zip file";

        /** The stable code callers receive. */
        String code() default "invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** The rule itself. */
        class Check implements ConstraintValidator<Base64Encoded, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                try {
                    return value == null || Base64.getDecoder().decode(value) != null;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
    }

    /** The task this (valid) request describes, with the operator's defaults where it is silent. */
    TaskInput task(Duration defaultTimeout, int defaultRetention) {
        return new TaskInput(
                goal,
                target,
                agent,
                listed(allowedTools),
                listed(expectedArtifacts),
                provider,
                model,
                workspace.seed(),
                workspace.archive() == null ? null : Base64.getDecoder().decode(workspace.archive()),
                listed(verifySteps),
                listed(secretEnv),
                toolPolicy == null ? List.of() : listed(toolPolicy.deny()),
                timeoutSeconds == null ? defaultTimeout : Duration.ofSeconds(timeoutSeconds),
                maxTurns == null ? DEFAULT_TURNS : maxTurns,
                maxToolCalls == null ? DEFAULT_TOOL_CALLS : maxToolCalls,
                maxCallsPerTool,
                sessionId,
                context,
                orchestrator,
                script,
                retentionDays == null ? defaultRetention : retentionDays,
                tokenBudget,
                "queue".equals(onBusy));
    }

    private static List<String> listed(List<String> values) {
        return values == null ? List.of() : values;
    }
}
