package dev.agentry.api.mcp;

import dev.agentry.api.policy.Caller;
import dev.agentry.api.problem.Problem;
import dev.agentry.api.problem.ProblemClassifier;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The MCP methods of an initialised session: {@code ping}, {@code tools/list}, {@code tools/call} and, through
 * {@link McpResources}, the resource methods. What a tool does is its REST twin's work; a tool that fails
 * answers {@code isError: true} with the problem document REST would have answered.
 */
@RequestScoped
public class McpMethods {

    private static final Logger LOG = Logger.getLogger(McpMethods.class);

    @Inject
    Caller caller;

    @Inject
    McpToolCatalog tools;

    @Inject
    McpResources resources;

    @Inject
    HttpServletRequest request;

    @Inject
    McpAudit audit;

    /** The result of {@code method}, or a {@link JsonRpcError}. */
    JsonObject dispatch(String method, JsonObject params) {
        return switch (method) {
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> listTools();
            case "tools/call" -> call(params).json();
            case "resources/list" -> resources.list(caller.grant());
            case "resources/templates/list" -> resources.templates(caller.grant());
            case "resources/read" -> resources.read(caller.grant(), params);
            default ->
                throw JsonRpcError.answered(
                        JsonRpcError.METHOD_NOT_FOUND, ErrorCode.NOT_FOUND, "This server has no such method.");
        };
    }

    /** Only the tools the caller's scopes allow; the list is short, so it comes in one page. */
    private JsonObject listTools() {
        Grant grant = caller.grant();
        JsonArrayBuilder listed = Jsonp.createArrayBuilder();
        tools.all().stream()
                .filter(tool -> tool.allows(grant))
                .map(McpTool::describe)
                .forEach(listed::add);
        return Jsonp.createObjectBuilder().add("tools", listed).build();
    }

    /** A {@code tools/call}: its result, or a {@link JsonRpcError} when the call names no tool it can make. */
    Called call(JsonObject params) {
        if (!(params.get("name") instanceof JsonString name)) {
            throw JsonRpcError.invalidParams("tools/call needs the tool's name.");
        }
        JsonValue given = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (!(given instanceof JsonObject arguments)) {
            throw JsonRpcError.invalidParams("A tool's arguments are a JSON object.");
        }
        Optional<McpTool> found = tools.named(name.getString());
        if (found.isEmpty()) {
            throw JsonRpcError.invalidParams("This server has no tool of that name; tools/list names them.");
        }
        McpTool tool = found.get();
        Grant grant = caller.grant();
        audit.operation(
                "tools/call " + tool.name(),
                tool.scopes().stream().filter(grant::holds).findFirst().orElse(null));
        try {
            if (!tool.allows(grant)) {
                throw new AgentryException(
                        ErrorCode.SCOPE_DENIED,
                        "This tool needs the " + String.join(" or ", tool.scopes()) + " scope.");
            }
            return new Called(McpJson.rendered(tool.call().apply(grant, arguments)), false);
        } catch (RuntimeException failure) {
            return toolError(failure);
        }
    }

    /** The failure as REST would have told it: the problem document, never an exception's class or message. */
    private Called toolError(RuntimeException failure) {
        ProblemClassifier.Classification problem = ProblemClassifier.classify(failure);
        if (problem.code() == ErrorCode.INTERNAL) {
            LOG.errorf(failure, "Unexpected failure of an MCP tool call");
        }
        audit.answered(problem.code());
        return new Called(
                McpJson.rendered(Problem.of(problem.code(), problem.detail(), RequestId.of(request), problem.errors())),
                true);
    }

    /**
     * What a tool call answered: the tool's JSON (or the problem document) and whether it failed.
     *
     * @param answer the JSON, as REST writes it
     * @param isError whether the tool failed
     */
    record Called(McpJson.Rendered answer, boolean isError) {

        /** The {@code tools/call} result as a JSON-P value. */
        JsonObject json() {
            return ToolResult.of(answer, isError);
        }

        /** The same result as JSON text, the answer's text embedded as it is. */
        String text() {
            return ToolResult.text(answer, isError);
        }
    }
}
