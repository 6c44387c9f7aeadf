package dev.agentry.api.mcp;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Authenticated;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.problem.Problem;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.mcp.McpSession;
import dev.agentry.core.mcp.McpSessions;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The MCP server endpoint on the Streamable HTTP transport (MCP 2025-11-25, 2025-06-18 and 2025-03-26): one
 * JSON-RPC message per POST, a request answered with one JSON response, a notification or response with 202.
 * {@code initialize} negotiates the version and opens a session ({@code Mcp-Session-Id}), which every later
 * message names; DELETE ends it. GET would open a stream of server-initiated messages, which this server does
 * not send: it answers 405, as the transport allows. The route needs a token like any other, so the policy
 * filter has already checked the credential, its allowlist and its rate limit, and the audit filter records
 * the call (actor kind {@code mcp}).
 */
@Path("/" + McpResource.PATH)
@RequestScoped
@Authenticated
@ApiSurface(value = "mcp", stability = Stability.EXPERIMENTAL)
public class McpResource {

    /** The endpoint's path under the API's root. */
    public static final String PATH = "mcp";

    public static final String SESSION_HEADER = "Mcp-Session-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";

    /** The protocol versions served, newest first: the client's if listed here, else the newest. */
    public static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    private static final int MAX_CLIENT_NAME = 100;
    private static final Set<String> METHODS =
            Set.of("initialize", "ping", "tools/list", "resources/list", "resources/templates/list", "resources/read");

    @Inject
    @ConfigProperty(name = "agentry.mcp.max-message-bytes", defaultValue = "262144")
    int maxMessageBytes;

    @Inject
    McpSessions sessions;

    @Inject
    McpMethods methods;

    @Inject
    McpAudit audit;

    @Inject
    Caller caller;

    @Inject
    RunProgress progress;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The MCP server (Streamable HTTP): one JSON-RPC 2.0 message per request",
            description = "initialize answers with the Mcp-Session-Id header that every later message sends;"
                    + " requests get one JSON-RPC response, notifications and responses 202. Tools and resources"
                    + " are the ones the token's scopes allow. JSON-RPC errors carry the Agentry code in"
                    + " error.data.code; a failed tool answers isError with the problem document. A message"
                    + " over agentry.mcp.max-message-bytes, a batch (array) or malformed JSON is refused with"
                    + " an HTTP error and a JSON-RPC error; an unknown or ended session is 404: initialize again.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "A JSON-RPC 2.0 request, notification or response")))
    @APIResponse(
            responseCode = "200",
            description = "The JSON-RPC response (its result or error)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            title = "JsonRpcResponse",
                                            description = "A JSON-RPC 2.0 response: the request's id with its result"
                                                    + " or its error",
                                            requiredProperties = {"jsonrpc", "id"},
                                            properties = {
                                                @SchemaProperty(
                                                        name = "jsonrpc",
                                                        type = SchemaType.STRING,
                                                        constValue = "2.0"),
                                                @SchemaProperty(
                                                        name = "id",
                                                        description = "The request's id, a string or a number"),
                                                @SchemaProperty(
                                                        name = "result",
                                                        type = SchemaType.OBJECT,
                                                        description = "What the method answered, as MCP defines it",
                                                        additionalProperties = Schema.True.class),
                                                @SchemaProperty(
                                                        name = "error",
                                                        type = SchemaType.OBJECT,
                                                        description = "{code, message, data}: data.code is the"
                                                                + " Agentry error code",
                                                        additionalProperties = Schema.True.class)
                                            })))
    @APIResponse(responseCode = "202", description = "A notification or response, accepted")
    public Response post(
            @HeaderParam(SESSION_HEADER) String sessionId,
            @HeaderParam(VERSION_HEADER) String version,
            InputStream body) {
        JsonValue id = JsonValue.NULL;
        try {
            JsonObject message = message(body);
            id = idOf(message);
            if (!(message.get("jsonrpc") instanceof JsonString jsonrpc) || !"2.0".equals(jsonrpc.getString())) {
                throw invalidRequest("A JSON-RPC 2.0 message has \"jsonrpc\": \"2.0\".");
            }
            JsonValue method = message.get("method");
            if (method == null) {
                if (message.containsKey("result") || message.containsKey("error")) {
                    // A response to a request of the server's: it sends none, so there is nothing to match.
                    session(sessionId, version);
                    audit.operation("response", null);
                    return Response.accepted().build();
                }
                throw invalidRequest("A JSON-RPC message has a method, a result or an error.");
            }
            if (!(method instanceof JsonString name)) {
                throw invalidRequest("A JSON-RPC method is a string.");
            }
            JsonObject params = params(message);
            if (!message.containsKey("id")) {
                session(sessionId, version);
                audit.operation("notification", null);
                return Response.accepted().build();
            }
            if (id == JsonValue.NULL) {
                throw invalidRequest("A request's id is a string or an integer.");
            }
            if ("initialize".equals(name.getString())) {
                audit.operation("initialize", null);
                return initialize(id, params);
            }
            session(sessionId, version);
            if ("tools/call".equals(name.getString())) {
                // Written as text around the tool's JSON-B text: no JSON-P value of the page is built (bench/mcp.sh).
                String response = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":"
                        + methods.call(params).text() + "}";
                return Response.ok(response.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE)
                        .build();
            }
            audit.operation(METHODS.contains(name.getString()) ? name.getString() : "(unknown method)", null);
            return Response.ok(result(id, methods.dispatch(name.getString(), params)))
                    .build();
        } catch (JsonRpcError error) {
            audit.operation("(refused)", null);
            audit.answered(error.code());
            return Response.status(error.httpStatus())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(error(id, error))
                    .build();
        }
    }

    /**
     * A {@code tools/call} that follows a run and asks for progress ({@link McpStreamNegotiation} sends only those
     * here): the call is made as {@link #post} makes it, and the answer is a stream of the run's progress, then
     * the call's response with the ended run. A call that fails, or finds no room for one more stream, is
     * answered at once on the stream.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public void stream(
            @HeaderParam(SESSION_HEADER) String sessionId,
            @HeaderParam(VERSION_HEADER) String version,
            InputStream body,
            @Context SseEventSink sink,
            @Context Sse sse) {
        JsonValue id = JsonValue.NULL;
        JsonObject params;
        try {
            JsonObject message = message(body);
            id = idOf(message);
            params = params(message);
            session(sessionId, version);
        } catch (JsonRpcError error) {
            throw refusal(id, error);
        }
        JsonValue token = params.getJsonObject("_meta").get("progressToken");
        JsonObject result;
        try {
            result = methods.dispatch("tools/call", params);
        } catch (JsonRpcError error) {
            audit.answered(error.code());
            RunProgress.answerOnly(sink, sse, error(id, error));
            return;
        }
        if (!result.getBoolean("isError") && progress.hasRoom()) {
            String runId = result.getJsonObject("structuredContent").getString("id");
            try {
                progress.follow(caller.grant(), new ProgressPosition(runId, 0, id, token), sink, sse);
                return;
            } catch (AgentryException full) {
                // The streams filled up meanwhile: the run is started all the same; answer with it.
            }
        }
        RunProgress.answerOnly(sink, sse, result(id, result));
    }

    /**
     * Resumes a followed run's stream after the event {@code Last-Event-ID} names (MCP's resumption): the progress
     * notifications the client missed and the call's response. Without {@code Last-Event-ID} there is nothing to
     * resume, and this server opens no stream of its own: 405, as the transport allows.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Resume a run's progress stream after the event Last-Event-ID names",
            description = "A tools/call of runs.start or runs.start_template with a progressToken and Accept"
                    + " text/event-stream is answered with a stream of notifications/progress, one per run event,"
                    + " then the call's response with the ended run; each event's SSE id is its position. A client"
                    + " that lost the stream sends GET with Mcp-Session-Id and Last-Event-ID to get the rest. Without"
                    + " Last-Event-ID: 405 (no server-initiated stream).")
    @APIResponse(
            responseCode = "200",
            description = "The rest of the stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "405", description = "No Last-Event-ID: this server opens no stream of its own")
    public void resume(
            @HeaderParam(SESSION_HEADER) String sessionId,
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        if (lastEventId == null || lastEventId.isBlank()) {
            throw new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .allow(HttpMethod.POST, HttpMethod.DELETE)
                    .build());
        }
        audit.operation("stream resume", null);
        try {
            session(sessionId, version);
        } catch (JsonRpcError error) {
            throw refusal(JsonValue.NULL, error);
        }
        ProgressPosition position = ProgressPosition.decode(lastEventId)
                .orElseThrow(() -> AgentryException.validation(List.of(new FieldError(
                        HttpHeaders.LAST_EVENT_ID_HEADER, "invalid", "the id of an event of this server's stream"))));
        Grant grant = caller.grant();
        if (!grant.holds(Scope.RUNS_READ) && !grant.holds(Scope.RUNS_WRITE)) {
            throw new AgentryException(ErrorCode.SCOPE_DENIED, "Following a run needs runs:read or runs:write.");
        }
        progress.follow(grant, position, sink, sse);
    }

    /** A transport refusal as the HTTP answer: its status, and the JSON-RPC error as the body. */
    private WebApplicationException refusal(JsonValue id, JsonRpcError error) {
        audit.answered(error.code());
        return new WebApplicationException(Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(error(id, error))
                .build());
    }

    @DELETE
    @Operation(summary = "End the MCP session the Mcp-Session-Id header names")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response end(@HeaderParam(SESSION_HEADER) String sessionId) {
        audit.operation("session end", null);
        if (sessionId == null || !sessions.close(sessionId, caller.credentialId())) {
            throw AgentryException.notFound("There is no such MCP session.");
        }
        return Response.noContent().build();
    }

    private Response initialize(JsonValue id, JsonObject params) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            throw JsonRpcError.invalidParams("initialize needs the client's protocolVersion.");
        }
        String agreed = VERSIONS.contains(requested.getString()) ? requested.getString() : VERSIONS.get(0);
        String client =
                params.get("clientInfo") instanceof JsonObject info && info.get("name") instanceof JsonString clientName
                        ? clientName.getString()
                        : "";
        McpSession session = sessions.open(
                caller.credentialId(),
                agreed,
                client.length() > MAX_CLIENT_NAME ? client.substring(0, MAX_CLIENT_NAME) : client);
        JsonObject result = Jsonp.createObjectBuilder()
                .add("protocolVersion", agreed)
                .add(
                        "capabilities",
                        Jsonp.createObjectBuilder()
                                .add("tools", Jsonp.createObjectBuilder().add("listChanged", false))
                                .add(
                                        "resources",
                                        Jsonp.createObjectBuilder()
                                                .add("subscribe", false)
                                                .add("listChanged", false)))
                .add(
                        "serverInfo",
                        Jsonp.createObjectBuilder()
                                .add("name", "agentry")
                                .add("title", "Agentry")
                                .add("version", "v1"))
                .add(
                        "instructions",
                        "Agentry's governed door: tools and resources are the REST API's, listed as the token's"
                                + " scopes allow and answered under the same policy, redaction and audit. Page"
                                + " with nextCursor; a failed tool answers isError with a problem document whose"
                                + " code is stable.")
                .build();
        return Response.ok(result(id, result))
                .header(SESSION_HEADER, session.id())
                .build();
    }

    /** The caller's live session, or the transport's refusal: 400 without one, 404 for an unknown one. */
    private McpSession session(String sessionId, String version) {
        if (sessionId == null || sessionId.isBlank()) {
            throw JsonRpcError.refused(
                    JsonRpcError.INVALID_REQUEST,
                    ErrorCode.VALIDATION_FAILED,
                    "Send the " + SESSION_HEADER + " header that initialize answered with.");
        }
        if (version != null && !VERSIONS.contains(version)) {
            throw JsonRpcError.refused(
                    JsonRpcError.INVALID_REQUEST,
                    ErrorCode.VALIDATION_FAILED,
                    "This server speaks MCP " + String.join(", ", VERSIONS) + ".");
        }
        return sessions.use(sessionId, caller.credentialId())
                .orElseThrow(() -> JsonRpcError.refused(
                        JsonRpcError.INVALID_REQUEST,
                        ErrorCode.NOT_FOUND,
                        "This session has ended or never existed: initialize a new one."));
    }

    /** The body as one JSON-RPC message: bounded, well-formed, an object (batches are refused). */
    private JsonObject message(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxMessageBytes + 1);
        } catch (IOException e) {
            // The API's own body limit cut the stream off (or the client went away).
            throw tooLarge();
        }
        if (bytes.length > maxMessageBytes) {
            throw tooLarge();
        }
        JsonValue parsed;
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(bytes))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            // Only that it failed: the parser's message may quote the body.
            throw JsonRpcError.refused(
                    JsonRpcError.PARSE_ERROR, ErrorCode.VALIDATION_FAILED, "The body is not well-formed JSON.");
        }
        if (parsed instanceof JsonArray) {
            throw JsonRpcError.refused(
                    JsonRpcError.INVALID_REQUEST,
                    ErrorCode.VALIDATION_FAILED,
                    "Batches are not supported: send one JSON-RPC message per request.");
        }
        if (!(parsed instanceof JsonObject message)) {
            throw invalidRequest("A JSON-RPC message is a JSON object.");
        }
        return message;
    }

    private JsonRpcError tooLarge() {
        return JsonRpcError.refused(
                JsonRpcError.INVALID_REQUEST,
                ErrorCode.PAYLOAD_TOO_LARGE,
                "An MCP message is at most " + maxMessageBytes + " bytes.");
    }

    private static JsonRpcError invalidRequest(String message) {
        return JsonRpcError.refused(JsonRpcError.INVALID_REQUEST, ErrorCode.VALIDATION_FAILED, message);
    }

    /** The message's id, if it is one a response can echo: a string or an integer. */
    private static JsonValue idOf(JsonObject message) {
        JsonValue id = message.get("id");
        return ProgressPosition.isId(id) ? id : JsonValue.NULL;
    }

    private static JsonObject params(JsonObject message) {
        JsonValue params = message.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT);
        if (!(params instanceof JsonObject object)) {
            throw JsonRpcError.invalidParams("A method's params are a JSON object.");
        }
        return object;
    }

    private static JsonObject result(JsonValue id, JsonObject result) {
        return Jsonp.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build();
    }

    private JsonObject error(JsonValue id, JsonRpcError error) {
        JsonObjectBuilder data = Jsonp.createObjectBuilder(McpJson.object(
                McpJson.of(Problem.of(error.code(), error.getMessage(), RequestId.of(request), List.of()))));
        return Jsonp.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add(
                        "error",
                        Jsonp.createObjectBuilder()
                                .add("code", error.rpcCode())
                                .add("message", error.getMessage())
                                .add("data", data))
                .build();
    }
}
