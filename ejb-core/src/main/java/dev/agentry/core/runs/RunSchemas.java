package dev.agentry.core.runs;

import static dev.agentry.core.catalog.CatalogSchemas.header;
import static dev.agentry.core.catalog.CatalogSchemas.nullable;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agents.AgentJson;
import dev.agentry.core.artifacts.BundleWriter;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
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
        JsonObjectBuilder properties = Json.createObjectBuilder()
                .add("schema", Json.createObjectBuilder().add("const", TaskInputJson.SCHEMA))
                .add("goal", string().add("maxLength", 20000))
                .add("target", string())
                .add("agent", string())
                .add("allowedTools", strings())
                .add("expectedArtifacts", strings())
                .add(
                        "provider",
                        Json.createObjectBuilder()
                                .add("enum", Json.createArrayBuilder().add("scripted")))
                .add("model", string())
                .add(
                        "workspace",
                        Json.createObjectBuilder()
                                .add("type", "object")
                                .add(
                                        "description",
                                        "Exactly one: seed (a name the operator allowed) or archive (Base64 zip)")
                                .add(
                                        "properties",
                                        Json.createObjectBuilder()
                                                .add("seed", string())
                                                .add("archive", string().add("contentEncoding", "base64"))))
                .add("verifySteps", strings())
                .add("secretEnv", strings())
                .add(
                        "toolPolicy",
                        Json.createObjectBuilder()
                                .add("type", "object")
                                .add("properties", Json.createObjectBuilder().add("deny", strings())))
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
        return header("task-input", TaskInputJson.SCHEMA + ": a task for an agent")
                .add("type", "object")
                .add("additionalProperties", false)
                .add("properties", properties)
                .add(
                        "required",
                        Json.createArrayBuilder().add("goal").add("agent").add("workspace"))
                .build();
    }

    private static JsonObject run() {
        JsonArrayBuilder statuses = Json.createArrayBuilder();
        Arrays.stream(RunStatus.values()).forEach(s -> statuses.add(s.wire()));
        JsonArrayBuilder outcomes = Json.createArrayBuilder();
        Arrays.stream(Outcome.values()).forEach(o -> outcomes.add(o.wire()));
        return header("agent-task-run", RunJson.SCHEMA + ": a run and where it is")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("schema", Json.createObjectBuilder().add("const", RunJson.SCHEMA))
                                .add("id", string())
                                .add("status", Json.createObjectBuilder().add("enum", statuses))
                                .add("outcome", Json.createObjectBuilder().add("enum", outcomes.addNull()))
                                .add("stopReason", nullable("string"))
                                .add("agent", string())
                                .add("credentialId", string())
                                .add(
                                        "cancelRequested",
                                        Json.createObjectBuilder().add("type", "boolean"))
                                .add("createdAt", string().add("format", "date-time"))
                                .add("startedAt", nullable("string"))
                                .add("heartbeatAt", nullable("string"))
                                .add("deadlineAt", nullable("string"))
                                .add("finishedAt", nullable("string"))
                                .add("bundleId", nullable("string"))
                                .add("effectiveScopes", strings())
                                .add("effectiveTools", strings())
                                .add(
                                        "failureEvidence",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("object")
                                                                .add("null")))
                                .add(
                                        "timings",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("object")
                                                                .add("null")))
                                .add("cleanup", Json.createObjectBuilder().add("type", "array"))
                                .add("retentionDays", integer())
                                .add("taskInput", object())
                                .add("links", object()))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("schema")
                                .add("id")
                                .add("status")
                                .add("agent"))
                .build();
    }

    private static JsonObject message() {
        return header("message", Message.SCHEMA + ": one message of a run's transcript")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("schema", Json.createObjectBuilder().add("const", Message.SCHEMA))
                                .add("turn", integer())
                                .add(
                                        "type",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "enum",
                                                        Json.createArrayBuilder()
                                                                .add("text")
                                                                .add("tool_call")
                                                                .add("tool_result")
                                                                .add("approval_required")
                                                                .add("final_result")
                                                                .add("error")))
                                .add(
                                        "role",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "enum",
                                                        Json.createArrayBuilder()
                                                                .add("system")
                                                                .add("user")
                                                                .add("assistant")
                                                                .add("tool")))
                                .add("at", string().add("format", "date-time"))
                                .add("content", object()))
                .add(
                        "required",
                        Json.createArrayBuilder()
                                .add("schema")
                                .add("turn")
                                .add("type")
                                .add("content"))
                .build();
    }

    private static JsonObject agent() {
        return header("agent", AgentJson.SCHEMA + ": an agent definition")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("slug", string().add("pattern", "^[a-z][a-z0-9-]{1,62}$"))
                                .add("label", string())
                                .add("description", string())
                                .add("instructions", string())
                                .add("provider", string())
                                .add("model", string())
                                .add(
                                        "toolPolicy",
                                        Json.createObjectBuilder()
                                                .add("type", "object")
                                                .add(
                                                        "properties",
                                                        Json.createObjectBuilder()
                                                                .add("allow", strings())
                                                                .add("deny", strings())
                                                                .add(
                                                                        "actions",
                                                                        Json.createObjectBuilder()
                                                                                .add("type", "object")
                                                                                .add(
                                                                                        "additionalProperties",
                                                                                        Json.createObjectBuilder()
                                                                                                .add(
                                                                                                        "enum",
                                                                                                        Json
                                                                                                                .createArrayBuilder()
                                                                                                                .add(
                                                                                                                        "direct")
                                                                                                                .add(
                                                                                                                        "preview")
                                                                                                                .add(
                                                                                                                        "forbidden"))))))
                                .add("memoryPolicy", object())
                                .add("permissionCeiling", strings())
                                .add(
                                        "metadata",
                                        Json.createObjectBuilder()
                                                .add("type", "object")
                                                .add("additionalProperties", string())))
                .add("required", Json.createArrayBuilder().add("slug").add("label"))
                .build();
    }

    private static JsonObject manifest() {
        return header("artifact-manifest", BundleWriter.SCHEMA + ": every file of a bundle; written last")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("schema", Json.createObjectBuilder().add("const", BundleWriter.SCHEMA))
                                .add("bundleId", string().add("pattern", "^sha256:[0-9a-f]{64}$"))
                                .add("runId", string())
                                .add("createdAt", string().add("format", "date-time"))
                                .add(
                                        "files",
                                        Json.createObjectBuilder()
                                                .add("type", "array")
                                                .add(
                                                        "items",
                                                        Json.createObjectBuilder()
                                                                .add("type", "object")
                                                                .add(
                                                                        "properties",
                                                                        Json.createObjectBuilder()
                                                                                .add("path", string())
                                                                                .add("kind", string())
                                                                                .add("size", integer())
                                                                                .add(
                                                                                        "sha256",
                                                                                        string().add(
                                                                                                        "pattern",
                                                                                                        "^[0-9a-f]{64}$")))
                                                                .add(
                                                                        "required",
                                                                        Json.createArrayBuilder()
                                                                                .add("path")
                                                                                .add("size")
                                                                                .add("sha256")))))
                .add("required", Json.createArrayBuilder().add("bundleId").add("files"))
                .build();
    }

    private static JsonObject verification() {
        return header("artifact-verification", "The verdict on a bundle, with every violation found")
                .add("type", "object")
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("valid", Json.createObjectBuilder().add("type", "boolean"))
                                .add("bundleId", nullable("string"))
                                .add("files", integer())
                                .add(
                                        "violations",
                                        Json.createObjectBuilder()
                                                .add("type", "array")
                                                .add(
                                                        "items",
                                                        Json.createObjectBuilder()
                                                                .add("type", "object")
                                                                .add(
                                                                        "properties",
                                                                        Json.createObjectBuilder()
                                                                                .add(
                                                                                        "code",
                                                                                        Json.createObjectBuilder()
                                                                                                .add(
                                                                                                        "enum",
                                                                                                        Json
                                                                                                                .createArrayBuilder()
                                                                                                                .add(
                                                                                                                        "missing_manifest")
                                                                                                                .add(
                                                                                                                        "malformed_manifest")
                                                                                                                .add(
                                                                                                                        "invalid_path")
                                                                                                                .add(
                                                                                                                        "missing_file")
                                                                                                                .add(
                                                                                                                        "orphaned_file")
                                                                                                                .add(
                                                                                                                        "hash_mismatch")
                                                                                                                .add(
                                                                                                                        "size_mismatch")
                                                                                                                .add(
                                                                                                                        "bundle_id_mismatch")
                                                                                                                .add(
                                                                                                                        "unsafe_file")))
                                                                                .add("path", nullable("string"))
                                                                                .add("message", string())))))
                .add("required", Json.createArrayBuilder().add("valid").add("violations"))
                .build();
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
        return Json.createObjectBuilder().add("type", "array").add("items", string());
    }
}
