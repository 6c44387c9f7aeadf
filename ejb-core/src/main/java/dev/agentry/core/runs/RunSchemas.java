package dev.agentry.core.runs;

import static dev.agentry.core.catalog.CatalogSchemas.header;
import static dev.agentry.core.catalog.CatalogSchemas.nullable;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agents.AgentJson;
import dev.agentry.core.artifacts.BundleWriter;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas of the run envelopes: task input, run, message, agent, the bundle manifest and a
 * verification; and each tool's arguments ({@code tool.<name>}). Served in {@code /schema}.
 */
@ApplicationScoped
public class RunSchemas {

    public Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        schemas.put("task-input", taskInput());
        schemas.put("agent-task-run", run());
        schemas.put("message", message());
        schemas.put("agent", agent());
        schemas.put("artifact-manifest", manifest());
        schemas.put("artifact-verification", verification());
        for (ToolDescriptor tool : ToolCatalog.ALL) {
            schemas.put(
                    "tool." + tool.name(),
                    Json.createObjectBuilder(tool.arguments())
                            .add("$id", "tool." + tool.name())
                            .add("title", tool.name())
                            .add("description", tool.description() + " (category " + tool.category() + ")")
                            .build());
        }
        return schemas;
    }

    private static JsonObject taskInput() {
        JsonObjectBuilder properties = props().add("schema", constant(TaskInputJson.SCHEMA))
                .add("goal", string().add("maxLength", 20000))
                .add("target", string())
                .add("agent", string())
                .add("allowedTools", strings())
                .add("expectedArtifacts", strings())
                .add("provider", oneOf("scripted"))
                .add("model", string())
                .add(
                        "workspace",
                        object(props().add("seed", string()).add("archive", string().add("contentEncoding", "base64")))
                                .add(
                                        "description",
                                        "Exactly one: seed (a name the operator allowed) or archive (a Base64 zip)"))
                .add("verifySteps", strings())
                .add("secretEnv", strings())
                .add("toolPolicy", object(props().add("deny", strings())))
                .add("timeoutSeconds", integer())
                .add("maxTurns", integer().add("maximum", TaskInputJson.MAX_TURNS))
                .add("maxToolCalls", integer().add("maximum", TaskInputJson.MAX_TOOL_CALLS))
                .add("maxCallsPerTool", integer())
                .add("sessionId", string())
                .add("context", object())
                .add("orchestrator", object())
                .add(
                        "script",
                        Json.createObjectBuilder()
                                .add("type", "array")
                                .add(
                                        "description",
                                        "Scripted provider turns: {text?, toolCalls?: [{tool, arguments}], final?,"
                                                + " finalStatus?, error?, delayMs?}"))
                .add("retentionDays", integer());
        return document(
                        "task-input",
                        TaskInputJson.SCHEMA + ": a task for an agent",
                        properties,
                        "goal",
                        "agent",
                        "workspace")
                .add("additionalProperties", false)
                .build();
    }

    private static JsonObject run() {
        String[] outcomes = Arrays.stream(Outcome.values()).map(Outcome::wire).toArray(String[]::new);
        JsonObjectBuilder properties = props().add("schema", constant(RunView.SCHEMA))
                .add("id", string())
                .add(
                        "status",
                        oneOf(Arrays.stream(RunStatus.values())
                                .map(RunStatus::wire)
                                .toArray(String[]::new)))
                .add(
                        "outcome",
                        Json.createObjectBuilder()
                                .add(
                                        "enum",
                                        Json.createArrayBuilder(Arrays.asList(outcomes))
                                                .addNull()))
                .add("stopReason", nullable("string"))
                .add("agent", string())
                .add("credentialId", string())
                .add("cancelRequested", Json.createObjectBuilder().add("type", "boolean"))
                .add("createdAt", string().add("format", "date-time"))
                .add("startedAt", nullable("string"))
                .add("heartbeatAt", nullable("string"))
                .add("deadlineAt", nullable("string"))
                .add("finishedAt", nullable("string"))
                .add("bundleId", nullable("string"))
                .add("effectiveScopes", strings())
                .add("effectiveTools", strings())
                .add("failureEvidence", nullable("object"))
                .add("timings", nullable("object"))
                .add("cleanup", Json.createObjectBuilder().add("type", "array"))
                .add("retentionDays", integer())
                .add("taskInput", object())
                .add("links", object());
        return document(
                        "agent-task-run",
                        RunView.SCHEMA + ": a run and where it is",
                        properties,
                        "schema",
                        "id",
                        "status",
                        "agent")
                .build();
    }

    private static JsonObject message() {
        JsonObjectBuilder properties = props().add("schema", constant(Message.SCHEMA))
                .add("turn", integer())
                .add("type", oneOf("text", "tool_call", "tool_result", "approval_required", "final_result", "error"))
                .add("role", oneOf("system", "user", "assistant", "tool"))
                .add("at", string().add("format", "date-time"))
                .add("content", object());
        return document(
                        "message",
                        Message.SCHEMA + ": one message of a run's transcript",
                        properties,
                        "schema",
                        "turn",
                        "type",
                        "content")
                .build();
    }

    private static JsonObject agent() {
        JsonObjectBuilder actions = Json.createObjectBuilder()
                .add("type", "object")
                .add("additionalProperties", oneOf("direct", "preview", "forbidden"));
        JsonObjectBuilder properties = props().add("slug", string().add("pattern", "^[a-z][a-z0-9-]{1,62}$"))
                .add("label", string())
                .add("description", string())
                .add("instructions", string())
                .add("provider", string())
                .add("model", string())
                .add(
                        "toolPolicy",
                        object(props().add("allow", strings())
                                .add("deny", strings())
                                .add("actions", actions)))
                .add("memoryPolicy", object())
                .add("permissionCeiling", strings())
                .add(
                        "metadata",
                        Json.createObjectBuilder().add("type", "object").add("additionalProperties", string()));
        return document("agent", AgentJson.SCHEMA + ": an agent definition", properties, "slug", "label")
                .build();
    }

    private static JsonObject manifest() {
        JsonObjectBuilder file = object(
                props().add("path", string())
                        .add("kind", string())
                        .add("size", integer())
                        .add("sha256", string().add("pattern", "^[0-9a-f]{64}$")),
                "path",
                "size",
                "sha256");
        JsonObjectBuilder properties = props().add("schema", constant(BundleWriter.SCHEMA))
                .add("bundleId", string().add("pattern", "^sha256:[0-9a-f]{64}$"))
                .add("runId", string())
                .add("createdAt", string().add("format", "date-time"))
                .add("files", arrayOf(file));
        return document(
                        "artifact-manifest",
                        BundleWriter.SCHEMA + ": every file of a bundle; written last",
                        properties,
                        "bundleId",
                        "files")
                .build();
    }

    private static JsonObject verification() {
        JsonObjectBuilder violation = object(props().add(
                        "code",
                        oneOf(
                                "missing_manifest",
                                "malformed_manifest",
                                "invalid_path",
                                "missing_file",
                                "orphaned_file",
                                "hash_mismatch",
                                "size_mismatch",
                                "bundle_id_mismatch",
                                "unsafe_file"))
                .add("path", nullable("string"))
                .add("message", string()));
        JsonObjectBuilder properties = props().add(
                        "valid", Json.createObjectBuilder().add("type", "boolean"))
                .add("bundleId", nullable("string"))
                .add("files", integer())
                .add("violations", arrayOf(violation));
        return document(
                        "artifact-verification",
                        "The verdict on a bundle, with every violation found",
                        properties,
                        "valid",
                        "violations")
                .build();
    }

    /** A top-level schema: its header, an object with these properties, and the required ones. */
    private static JsonObjectBuilder document(
            String id, String description, JsonObjectBuilder properties, String... required) {
        return header(id, description)
                .add("type", "object")
                .add("properties", properties)
                .add("required", Json.createArrayBuilder(Arrays.asList(required)));
    }

    private static JsonObjectBuilder props() {
        return Json.createObjectBuilder();
    }

    private static JsonObjectBuilder object(JsonObjectBuilder properties, String... required) {
        JsonObjectBuilder object = object().add("properties", properties);
        return required.length == 0 ? object : object.add("required", Json.createArrayBuilder(Arrays.asList(required)));
    }

    private static JsonObjectBuilder arrayOf(JsonObjectBuilder items) {
        return Json.createObjectBuilder().add("type", "array").add("items", items);
    }

    private static JsonObjectBuilder oneOf(String... values) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        Arrays.stream(values).forEach(all::add);
        return Json.createObjectBuilder().add("enum", all);
    }

    private static JsonObjectBuilder constant(String value) {
        return Json.createObjectBuilder().add("const", value);
    }

    private static JsonObjectBuilder string() {
        return Json.createObjectBuilder().add("type", "string");
    }

    private static JsonObjectBuilder integer() {
        return Json.createObjectBuilder().add("type", "integer").add("minimum", 1);
    }

    private static JsonObjectBuilder object() {
        return Json.createObjectBuilder().add("type", "object");
    }

    private static JsonObjectBuilder strings() {
        return arrayOf(string());
    }
}
