package dev.agentry.core.runs;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * A task as submitted ({@code agentry/task-input/v1}), checked. The workspace comes from a named
 * seed or an uploaded zip (Base64), never from a path.
 *
 * @param script the scripted provider's turns; required when the provider is {@code scripted}
 * @param queueWhenBusy whether the run waits for its session when another run holds it
 */
public record TaskInput(
        String goal,
        String target,
        String agent,
        List<String> allowedTools,
        List<String> expectedArtifacts,
        String provider,
        String model,
        String seed,
        byte[] archive,
        List<String> verifySteps,
        List<String> secretEnv,
        List<String> deniedTools,
        Duration timeout,
        int maxTurns,
        int maxToolCalls,
        Integer maxCallsPerTool,
        String sessionId,
        JsonObject context,
        JsonObject orchestrator,
        JsonArray script,
        int retentionDays,
        Long tokenBudget,
        boolean queueWhenBusy) {}
