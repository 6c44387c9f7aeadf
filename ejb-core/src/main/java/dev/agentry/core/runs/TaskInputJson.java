package dev.agentry.core.runs;

import dev.agentry.core.problem.JsonBody;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.tools.ToolCatalog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code agentry/task-input/v1}. Structure and bounds are checked here; whether the agent,
 * seed, steps and secrets exist is the submission's check, with every error reported together.
 */
public final class TaskInputJson {

    public static final String SCHEMA = "agentry/task-input/v1";

    static final Set<String> FIELDS = Set.of(
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
            "retentionDays");
    private static final Set<String> WORKSPACE_FIELDS = Set.of("seed", "archive");
    private static final Set<String> POLICY_FIELDS = Set.of("deny");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    static final int MAX_TURNS = 200;
    static final int MAX_TOOL_CALLS = 1000;
    static final int DEFAULT_TURNS = 20;
    static final int DEFAULT_TOOL_CALLS = 100;

    private TaskInputJson() {}

    /** The task; the body's problems all at once as {@code validation_failed}. */
    public static TaskInput read(JsonValue body, Duration defaultTimeout, Duration maxTimeout, int defaultRetention) {
        return read(body, defaultTimeout, maxTimeout, defaultRetention, false);
    }

    /**
     * The task as a run keeps it ({@link #write}): complete, its archive already unpacked into the
     * run's baseline and given as {@code {bytes, sha256}}, which reads back as an empty archive.
     */
    public static TaskInput readStored(JsonValue stored) {
        return read(stored, Duration.ofDays(1), Duration.ofDays(1), 1, true);
    }

    private static TaskInput read(
            JsonValue body, Duration defaultTimeout, Duration maxTimeout, int defaultRetention, boolean stored) {
        JsonBody json = JsonBody.of(body, FIELDS, "a task input field");
        String schema = json.string("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            json.reject("schema", "unsupported", "the schema is " + SCHEMA);
        }
        String goal = json.string("goal");
        if (goal == null || goal.isBlank()) {
            json.reject("goal", "required", "goal is required");
        } else if (goal.length() > 20000) {
            json.reject("goal", "too_long", "goal is at most 20000 characters");
        }
        String target = bounded(json, "target", 2000);
        String agent = json.string("agent");
        if (agent == null || agent.isBlank()) {
            json.reject("agent", "required", "agent is required");
        }
        List<String> tools = list(json, "allowedTools");
        for (int i = 0; i < tools.size(); i++) {
            if (ToolCatalog.named(tools.get(i)).isEmpty()) {
                json.reject("allowedTools[" + i + "]", "unknown_tool", "not a tool Agentry has");
            }
        }
        List<String> denied = List.of();
        JsonBody policy = json.object("toolPolicy", POLICY_FIELDS, "a task tool policy field");
        if (policy != null) {
            denied = list(policy, "deny");
            for (int i = 0; i < denied.size(); i++) {
                if (!ToolCatalog.isSelector(denied.get(i))) {
                    policy.reject("deny[" + i + "]", "unknown_tool", "neither a tool, a category nor *");
                }
            }
        }
        List<String> secretEnv = list(json, "secretEnv");
        for (int i = 0; i < secretEnv.size(); i++) {
            if (!ENV_NAME.matcher(secretEnv.get(i)).matches()) {
                json.reject("secretEnv[" + i + "]", "invalid", "an environment variable name");
            }
        }
        String seed = null;
        byte[] archive = null;
        JsonBody workspace = json.object("workspace", WORKSPACE_FIELDS, "a workspace field");
        if (workspace == null) {
            json.reject("workspace", "required", "workspace names a seed or carries an archive");
        } else {
            seed = workspace.string("seed");
            boolean unpacked = stored && workspace.isObject("archive");
            String encoded = unpacked ? "" : workspace.string("archive");
            if ((seed == null) == (encoded == null)) {
                json.reject("workspace", "one_of", "give exactly one of seed and archive");
            } else if (unpacked) {
                archive = new byte[0];
            } else if (encoded != null) {
                try {
                    archive = Base64.getDecoder().decode(encoded);
                } catch (IllegalArgumentException e) {
                    workspace.reject("archive", "invalid", "archive is a Base64-encoded zip file");
                }
            }
        }
        Integer timeoutSeconds = json.integer("timeoutSeconds");
        Duration timeout = timeoutSeconds == null ? defaultTimeout : Duration.ofSeconds(timeoutSeconds);
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeout.compareTo(maxTimeout) > 0)) {
            json.reject("timeoutSeconds", "out_of_range", "from 1 to " + maxTimeout.toSeconds() + " seconds");
        }
        int maxTurns = range(json, "maxTurns", DEFAULT_TURNS, MAX_TURNS);
        int maxToolCalls = range(json, "maxToolCalls", DEFAULT_TOOL_CALLS, MAX_TOOL_CALLS);
        Integer perTool = json.has("maxCallsPerTool") ? range(json, "maxCallsPerTool", 1, MAX_TOOL_CALLS) : null;
        int retention = range(json, "retentionDays", defaultRetention, 3650);
        String provider = bounded(json, "provider", 50);
        String model = bounded(json, "model", 200);
        String sessionId = bounded(json, "sessionId", 200);
        JsonObject context = json.freeObject("context");
        JsonObject orchestrator = json.freeObject("orchestrator");
        JsonArray script = json.freeArray("script");
        List<String> verifySteps = list(json, "verifySteps");
        List<String> expected = list(json, "expectedArtifacts");
        json.done();
        return new TaskInput(
                goal,
                target,
                agent,
                tools,
                expected,
                provider,
                model,
                seed,
                archive,
                verifySteps,
                secretEnv,
                denied,
                timeout,
                maxTurns,
                maxToolCalls,
                perTool,
                sessionId,
                context,
                orchestrator,
                script,
                retention);
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
        return json.add("retentionDays", task.retentionDays()).build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static List<String> list(JsonBody json, String field) {
        List<String> values = json.strings(field);
        if (values != null && values.size() > 100) {
            json.reject(field, "too_many", "at most 100 entries");
        }
        return values == null ? List.of() : values;
    }

    private static String bounded(JsonBody json, String field, int max) {
        String value = json.string(field);
        if (value != null && value.length() > max) {
            json.reject(field, "too_long", field + " is at most " + max + " characters");
        }
        return value;
    }

    private static int range(JsonBody json, String field, int fallback, int max) {
        Integer value = json.integer(field);
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            json.reject(field, "out_of_range", "from 1 to " + max);
            return fallback;
        }
        return value;
    }
}
