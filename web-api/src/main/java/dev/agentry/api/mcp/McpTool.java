package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * One MCP tool: the REST operation it stands for, stated by what already exists — its scopes, its input's
 * published JSON Schema and the core boundary it calls.
 *
 * @param name the tool name, {@code [a-z0-9_.-]}
 * @param description what it does, from its REST twin
 * @param scopes the caller needs one of these (its REST twin's)
 * @param governedWrite whether it exists only while governed writes are on
 * @param readOnly whether it changes nothing
 * @param followsRun whether it answers a run which, when the call carries a {@code progressToken}, it follows to
 *     its end: the run's events as {@code notifications/progress} on an SSE response, then the ended run
 * @param inputSchema the JSON Schema of its arguments, as {@code /schema} publishes it
 * @param call what it does for a caller
 */
public record McpTool(
        String name,
        String description,
        List<String> scopes,
        boolean governedWrite,
        boolean readOnly,
        boolean followsRun,
        JsonObject inputSchema,
        Call call) {

    /** The tool's work, given the caller's grant and its arguments. */
    @FunctionalInterface
    public interface Call {
        Object apply(Grant grant, JsonObject arguments);
    }

    public McpTool {
        scopes = List.copyOf(scopes);
    }

    /** This tool, following the run it answers when the call asks for progress. */
    McpTool following() {
        return new McpTool(name, description, scopes, governedWrite, readOnly, true, inputSchema, call);
    }

    /** This tool, described otherwise than its REST twin's summary says. */
    McpTool describedAs(String text) {
        return new McpTool(name, text, scopes, governedWrite, readOnly, followsRun, inputSchema, call);
    }

    /** Whether the caller holds a scope this tool needs. */
    public boolean allows(Grant grant) {
        return scopes.stream().anyMatch(grant::holds);
    }

    /** The tool as {@code tools/list} describes it. */
    public JsonObject describe() {
        JsonArrayBuilder needs = Jsonp.createArrayBuilder();
        scopes.forEach(needs::add);
        JsonObjectBuilder meta = Jsonp.createObjectBuilder().add("dev.agentry/scopes", needs);
        if (followsRun) {
            meta.add("dev.agentry/followsRunWithProgress", true);
        }
        return Jsonp.createObjectBuilder()
                .add("name", name)
                .add("description", description)
                .add("inputSchema", inputSchema)
                .add(
                        "annotations",
                        Jsonp.createObjectBuilder()
                                .add("readOnlyHint", readOnly)
                                .add("destructiveHint", false)
                                .add("openWorldHint", false))
                .add("_meta", meta)
                .build();
    }
}
