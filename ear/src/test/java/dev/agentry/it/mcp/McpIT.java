package dev.agentry.it.mcp;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertNoStackTrace;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Mcp;
import dev.agentry.it.harness.Pages;
import dev.agentry.it.harness.RunEvents;
import dev.agentry.it.harness.Runs;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP server endpoint (issue 21) with the official MCP Java SDK's client, unmodified: it initialises,
 * negotiates the version, lists exactly the tools its token's scopes allow, pages through a collection as REST
 * does, and gets a governed write's approval_required; and, as raw JSON-RPC, what no SDK would send — answered
 * with JSON-RPC errors carrying the stable codes, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpIT {

    @Test
    void aStandardClientInitialisesAndListsExactlyTheToolsItsScopesAllow() {
        try (McpSyncClient client = Mcp.client(tokenWith("products:read"))) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertEquals("2025-11-25", initialized.protocolVersion(), "the newest version both speak");
            assertEquals("agentry", initialized.serverInfo().name());
            assertEquals(Set.of("products.list", "products.get"), toolNames(client));
        }
        try (McpSyncClient client = Mcp.client(tokenWith("entries:read", "changes:read", "runs:read"))) {
            client.initialize();
            assertEquals(Set.of("entries.list", "entries.get", "changes.read", "runs.get"), toolNames(client));
        }
        try (McpSyncClient client = Mcp.client(bootstrapToken())) {
            client.initialize();
            Set<String> all = toolNames(client);
            assertEquals(15 * 2 + 12, all.size(), all::toString);
            assertTrue(
                    all.containsAll(List.of(
                            "changes.read",
                            "schema.get",
                            "runs.start",
                            "runs.start_template",
                            "sync_state.get",
                            "sync_state.checkpoint",
                            "runs.get",
                            "runs.cancel",
                            "artifacts.verify",
                            "control.simulate",
                            "control.request_approval",
                            "control.execute")),
                    all::toString);
            McpSchema.Tool list = client.listTools().tools().stream()
                    .filter(tool -> tool.name().equals("orders.list"))
                    .findFirst()
                    .orElseThrow();
            // The tool's input schema is the one /schema publishes.
            JsonObject published = json(get("api/v1/schema/mcp.collection-query", asBootstrap()));
            assertEquals(
                    published.getJsonObject("properties").keySet(),
                    ((Map<?, ?>) list.inputSchema().get("properties")).keySet());
        }
    }

    @Test
    void aClientPagesThroughACollectionAsRestDoesAndSeesOnlyItsData() {
        DemoData.await();
        String token = tokenWith("products:read");
        List<String> rest = Pages.walk("api/v1/products?limit=3", bearer(token)).stream()
                .map(p -> p.getString("uid"))
                .toList();
        assertTrue(rest.size() > 3, "several pages: " + rest);
        try (McpSyncClient client = Mcp.client(token)) {
            client.initialize();
            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, Object> arguments = new HashMap<>(Map.of("limit", 3));
                if (cursor != null) {
                    arguments.put("cursor", cursor);
                }
                JsonObject page =
                        structured(client.callTool(new McpSchema.CallToolRequest("products.list", arguments)));
                page.getJsonArray("data").getValuesAs(JsonObject.class).forEach(p -> walked.add(p.getString("uid")));
                cursor = page.getBoolean("hasMore") ? page.getString("nextCursor") : null;
            } while (cursor != null);
            assertEquals(rest, walked, "the same records in the same order, page by page");

            JsonObject one = structured(
                    client.callTool(new McpSchema.CallToolRequest("products.get", Map.of("id", rest.get(0)))));
            assertEquals(json(get("api/v1/products/" + rest.get(0), bearer(token))), one);

            // Another collection's tool is not listed, and calling it anyway is the REST refusal.
            McpSchema.CallToolResult denied = client.callTool(new McpSchema.CallToolRequest("entries.list", Map.of()));
            assertTrue(denied.isError());
            assertEquals("scope_denied", text(denied).getString("code"));
            McpSchema.CallToolResult invalid =
                    client.callTool(new McpSchema.CallToolRequest("products.list", Map.of("limit", 500)));
            assertTrue(invalid.isError());
            assertEquals("validation_failed", text(invalid).getString("code"));

            // Resources: only the collections it reads, and /capabilities.
            List<String> uris = client.listResources().resources().stream()
                    .map(McpSchema.Resource::uri)
                    .toList();
            assertEquals(List.of(Api.issuer() + "/api/v1/capabilities", Api.issuer() + "/api/v1/products"), uris);
            McpSchema.ReadResourceResult first =
                    client.readResource(new McpSchema.ReadResourceRequest(Api.issuer() + "/api/v1/products"));
            JsonObject firstPage = Api.structure(
                            ((McpSchema.TextResourceContents) first.contents().get(0)).text())
                    .asJsonObject();
            assertEquals(
                    rest.get(0), firstPage.getJsonArray("data").getJsonObject(0).getString("uid"));
        }
    }

    @Test
    void theTypeScriptSdkClientConnectsUnmodified() {
        DemoData.await();
        String token = tokenWith("products:read");
        JsonObject seen = Mcp.typeScriptClient(token, "products");
        assertFalse(seen.containsKey("error"), seen::toString);
        assertEquals("2025-11-25", seen.getString("protocolVersion"));
        assertEquals("agentry", seen.getJsonObject("server").getString("name"));
        assertEquals(List.of("products.list", "products.get"), Api.strings(seen, "tools"));
        assertFalse(seen.getBoolean("isError"));
        assertEquals(2, seen.getJsonObject("page").getInt("count"));
        // It ended its session on the way out (DELETE).
        assertRpcError(
                Mcp.post(seen.getString("sessionId"), Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT), bearer(token)),
                404,
                -32600,
                "not_found");
    }

    @Test
    void aRunStartsEndsAndVerifiesThroughMcpAndTheOtherToolsAnswerAsTheirRoutes() {
        String token = tokenWith("runs:write", "runs:read", "artifacts:read", "changes:read", "schema:read");
        String[] auth = bearer(token);
        String session = Mcp.session(auth);
        JsonObject task = Api.structure(Runs.task("demo", "[]", "[]", "[{\"final\":\"Through MCP.\"}]"))
                .asJsonObject();

        JsonObject unkeyed = Mcp.callTool(session, "runs.start", task, auth);
        assertTrue(unkeyed.getBoolean("isError"), unkeyed::toString);
        assertEquals(
                "validation_failed", unkeyed.getJsonObject("structuredContent").getString("code"));

        JsonObject started = Mcp.callTool(
                session,
                "runs.start",
                Json.createObjectBuilder(task)
                        .add("idempotencyKey", "mcp-" + UUID.randomUUID())
                        .build(),
                auth);
        assertFalse(started.getBoolean("isError"), started::toString);
        String runId = started.getJsonObject("structuredContent").getString("id");
        JsonObject ended = Runs.awaitEnd(runId, auth);
        JsonObject ref = Json.createObjectBuilder().add("runId", runId).build();
        JsonObject read = Mcp.callTool(session, "runs.get", ref, auth).getJsonObject("structuredContent");
        assertEquals(ended.getString("status"), read.getString("status"));
        assertEquals(
                ended.getString("status"),
                Mcp.callTool(session, "runs.cancel", ref, auth)
                        .getJsonObject("structuredContent")
                        .getString("status"),
                "cancelling an ended run returns it unchanged");
        assertEquals(
                json(get("api/v1/runs/" + runId + "/artifacts/verify", auth)),
                Mcp.callTool(session, "artifacts.verify", ref, auth).getJsonObject("structuredContent"));
        JsonObject manifest = result(Mcp.post(
                session,
                Mcp.request(
                        "resources/read",
                        Json.createObjectBuilder()
                                .add("uri", Api.issuer() + "/api/v1/runs/" + runId + "/artifacts")
                                .build()),
                auth));
        assertEquals(
                json(get("api/v1/runs/" + runId + "/artifacts", auth)),
                Api.structure(manifest.getJsonArray("contents").getJsonObject(0).getString("text")));

        // Another credential's run is not there, as on REST.
        String[] stranger = bearer(tokenWith("runs:read"));
        JsonObject hidden = Mcp.callTool(Mcp.session(stranger), "runs.get", ref, stranger);
        assertTrue(hidden.getBoolean("isError"));
        assertEquals("not_found", hidden.getJsonObject("structuredContent").getString("code"));

        assertEquals(
                json(get("api/v1/schema/task-input", auth)),
                Mcp.callTool(
                                session,
                                "schema.get",
                                Json.createObjectBuilder()
                                        .add("id", "task-input")
                                        .build(),
                                auth)
                        .getJsonObject("structuredContent"));
        JsonObject feed = Mcp.callTool(
                        session,
                        "changes.read",
                        Json.createObjectBuilder().add("limit", 5).build(),
                        auth)
                .getJsonObject("structuredContent");
        assertEquals(0, feed.getInt("count"), "no collection scope: no changes");
        assertTrue(feed.containsKey("nextCursor"));
    }

    @Test
    void aRunStartedFromATemplateWithAProgressTokenReportsEachEventAndAnswersWithTheEndedRun() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        String token = tokenWith("runs:write", "runs:read");
        try (McpSyncClient client = Mcp.client(token, progress::add)) {
            client.initialize();
            McpSchema.CallToolResult answer = startFromTemplate(
                    client,
                    Map.of(
                            "seed",
                            "project",
                            "check",
                            "check-greeting",
                            "script",
                            List.of(Map.of("final", "the greeting check passes"))),
                    "follow-1");
            assertFalse(answer.isError(), answer::toString);
            JsonObject run = structured(answer);
            assertEquals("succeeded", run.getString("status"), "the call answers once the run has ended");

            // One notification per run event (the REST stream of the same run says how many), each numbered by
            // its event; the server sends them in order, the SDK hands them over as they are processed.
            int count = RunEvents.read(run.getString("id"), 0, Duration.ofSeconds(30), bearer(token))
                    .events()
                    .size();
            await().atMost(Duration.ofSeconds(10)).until(() -> progress.size() >= count);
            assertEquals(count, progress.size(), progress::toString);
            assertTrue(progress.stream().allMatch(each -> "follow-1".equals(each.progressToken())), progress::toString);
            List<McpSchema.ProgressNotification> ordered = progress.stream()
                    .sorted(Comparator.comparing(McpSchema.ProgressNotification::progress))
                    .toList();
            for (int i = 0; i < ordered.size(); i++) {
                assertEquals(i + 1.0, ordered.get(i).progress(), "every event once: " + progress);
            }
            assertEquals("status: queued", ordered.get(0).message());
            assertEquals("status: succeeded", ordered.get(count - 1).message());

            McpSchema.CallToolResult refused = startFromTemplate(client, Map.of("seed", 5), 2);
            assertTrue(refused.isError(), "a refused call answers at once, on the stream");
            assertEquals("validation_failed", text(refused).getString("code"));
        }
    }

    @Test
    void aClientThatLostTheProgressStreamResumesItWithLastEventIdAndNoOtherCredentialCan() {
        String[] auth = bearer(tokenWith("runs:write", "runs:read"));
        String session = Mcp.session(auth);
        JsonObject task = Api.structure(Runs.task(
                        "demo", "[]", "[]", "[{\"text\":\"one\"},{\"text\":\"two\"},{\"final\":\"Resumed.\"}]"))
                .asJsonObject();
        String call = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", "call-7")
                .add("method", "tools/call")
                .add(
                        "params",
                        Json.createObjectBuilder()
                                .add("name", "runs.start")
                                .add(
                                        "arguments",
                                        Json.createObjectBuilder(task)
                                                .add("idempotencyKey", "mcp-" + UUID.randomUUID()))
                                .add("_meta", Json.createObjectBuilder().add("progressToken", 7)))
                .build()
                .toString();

        // The first event, then the connection drops.
        RunEvents.Reading first = Mcp.stream(session, call, 1, auth);
        assertEquals(1, first.events().size(), first::toString);
        RunEvents.Event lost = first.events().get(0);
        assertEquals("notifications/progress", lost.data().getString("method"));
        assertEquals(7, lost.data().getJsonObject("params").getInt("progressToken"));
        assertEquals(1, lost.data().getJsonObject("params").getInt("progress"));

        RunEvents.Reading rest = Mcp.resume(session, lost.id(), auth);
        assertTrue(rest.endedByServer(), "the stream ends with the call's answer");
        List<JsonObject> messages =
                rest.events().stream().map(RunEvents.Event::data).toList();
        JsonObject answer = messages.get(messages.size() - 1);
        assertEquals("call-7", answer.getString("id"), "the answer of the call that started the stream");
        JsonObject run = answer.getJsonObject("result").getJsonObject("structuredContent");
        assertEquals("succeeded", run.getString("status"));
        List<Integer> resumed = messages.subList(0, messages.size() - 1).stream()
                .map(message -> message.getJsonObject("params").getInt("progress"))
                .toList();
        assertEquals(2, resumed.get(0), "the rest, none missed or repeated: " + resumed);
        for (int i = 1; i < resumed.size(); i++) {
            assertEquals(resumed.get(i - 1) + 1, resumed.get(i));
        }
        assertEquals(
                RunEvents.read(run.getString("id"), 0, Duration.ofSeconds(30), auth)
                        .events()
                        .size(),
                resumed.get(resumed.size() - 1));

        // Another credential cannot follow the run with the same position, even in a session of its own.
        String[] stranger = bearer(tokenWith("runs:read"));
        assertProblem(Mcp.resumeRefused(Mcp.session(stranger), lost.id(), stranger), 404, "not_found");
        // A position this server did not write is refused, naming the header.
        HttpResponse<String> forged = Mcp.resumeRefused(session, "nonsense", auth);
        assertEquals(Set.of("Last-Event-ID:invalid"), Api.fieldErrors(forged));
        // Without accepting a stream, the same call is answered at once with the run as started.
        JsonObject immediate = result(Api.send(
                "POST",
                Mcp.PATH,
                BodyPublishers.ofString(call.replace("call-7", "call-8")),
                Api.with(
                        auth,
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json",
                        "Mcp-Session-Id",
                        session)));
        assertEquals(
                run.getString("id"),
                immediate.getJsonObject("structuredContent").getString("id"),
                "a replay");
    }

    @Test
    void checkpointsAreStoredAndReadThroughMcpAsThroughRest() {
        String[] auth = bearer(tokenWith("syncstate:read", "syncstate:write", "changes:read", "entries:read"));
        String session = Mcp.session(auth);
        String cursor = Mcp.callTool(
                        session,
                        "changes.read",
                        Json.createObjectBuilder().add("limit", 1).build(),
                        auth)
                .getJsonObject("structuredContent")
                .getString("nextCursor");
        String consumer = "mcp-" + UUID.randomUUID();
        JsonObject stored = Mcp.callTool(
                session,
                "sync_state.checkpoint",
                Json.createObjectBuilder()
                        .add("consumer", consumer)
                        .add("resourceType", "entries")
                        .add("cursor", cursor)
                        .build(),
                auth);
        assertFalse(stored.getBoolean("isError"), stored::toString);
        JsonObject ref = Json.createObjectBuilder()
                .add("consumer", consumer)
                .add("resourceType", "entries")
                .build();
        assertEquals(
                json(get("api/v1/sync-state/checkpoint?consumer=" + consumer + "&resourceType=entries", auth)),
                Mcp.callTool(session, "sync_state.get", ref, auth).getJsonObject("structuredContent"));
        JsonObject refused = Mcp.callTool(
                session,
                "sync_state.checkpoint",
                Json.createObjectBuilder()
                        .add("consumer", consumer)
                        .add("resourceType", "entries")
                        .add("cursor", "not-a-cursor")
                        .build(),
                auth);
        assertTrue(refused.getBoolean("isError"));
        assertEquals(
                "cursor_invalid", refused.getJsonObject("structuredContent").getString("code"));
        // Another credential's checkpoint of the same name is not this one's.
        String[] other = bearer(tokenWith("syncstate:read"));
        JsonObject hidden = Mcp.callTool(Mcp.session(other), "sync_state.get", ref, other);
        assertTrue(hidden.getBoolean("isError"));
        assertEquals("not_found", hidden.getJsonObject("structuredContent").getString("code"));
    }

    @Test
    void theVersionIsTheClientsWhenServedAndOtherwiseTheNewest() {
        try (McpSyncClient client = Mcp.client(tokenWith("products:read"), "2025-03-26")) {
            assertEquals("2025-03-26", client.initialize().protocolVersion());
            assertEquals(Set.of("products.list", "products.get"), toolNames(client));
        }
        String[] auth = bearer(tokenWith("products:read"));
        HttpResponse<String> older = Mcp.initialize("2025-06-18", auth);
        assertEquals("2025-06-18", result(older).getString("protocolVersion"));
        HttpResponse<String> unknown = Mcp.initialize("1999-01-01", auth);
        assertEquals("2025-11-25", result(unknown).getString("protocolVersion"));
        assertTrue(unknown.headers().firstValue("Mcp-Session-Id").orElse("").length() >= 32);
    }

    @Test
    void withoutATokenThe401PointsAtTheProtectedResourceMetadata() {
        HttpResponse<String> refused = Mcp.post(null, Mcp.request("initialize", JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(401, refused.statusCode());
        String metadataUrl = Api.issuer() + "/.well-known/oauth-protected-resource";
        assertTrue(
                refused.headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .contains("resource_metadata=\"" + metadataUrl + "\""),
                refused.headers().map()::toString);

        JsonObject metadata = json(get(".well-known/oauth-protected-resource"));
        assertEquals(Api.issuer(), metadata.getString("resource"));
        assertEquals(List.of(Api.issuer()), Api.strings(metadata, "authorization_servers"));
        assertEquals(List.of("header"), Api.strings(metadata, "bearer_methods_supported"));
        assertTrue(Api.strings(metadata, "scopes_supported").contains("products:read"));
        // It names the authorization server whose RFC 8414 metadata is where that standard puts it.
        JsonObject server = json(get(".well-known/oauth-authorization-server"));
        assertEquals(Api.issuer(), server.getString("issuer"));
        assertEquals(metadata, json(get("api/v1/auth/protected-resource")));
    }

    @Test
    void badJsonRpcIsAnsweredWithJsonRpcErrorsAndStableCodesNeverA500() {
        String[] auth = bearer(tokenWith("products:read"));
        String session = Mcp.session(auth);

        assertRpcError(Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,", auth), 400, -32700, "validation_failed");
        assertRpcError(
                Mcp.post(session, "[" + Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT) + "]", auth),
                400,
                -32600,
                "validation_failed");
        assertRpcError(
                Mcp.post(session, "{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"ping\"}", auth),
                400,
                -32600,
                "validation_failed");
        assertRpcError(Mcp.post(session, "\"ping\"", auth), 400, -32600, "validation_failed");
        assertRpcError(
                Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", auth),
                400,
                -32600,
                "validation_failed");
        assertRpcError(
                Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":7}", auth),
                400,
                -32600,
                "validation_failed");
        JsonObject unknown = assertRpcError(
                Mcp.post(session, Mcp.request("sampling/steal", JsonValue.EMPTY_JSON_OBJECT), auth),
                200,
                -32601,
                "not_found");
        assertTrue(unknown.containsKey("id") && unknown.get("id").getValueType() == JsonValue.ValueType.NUMBER);
        assertRpcError(
                Mcp.post(session, Mcp.request("tools/call", JsonValue.EMPTY_JSON_OBJECT), auth),
                200,
                -32602,
                "validation_failed");
        assertRpcError(
                Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":[1]}", auth),
                200,
                -32602,
                "validation_failed");
        assertRpcError(
                Mcp.post(
                        session,
                        Mcp.request(
                                "tools/call",
                                Json.createObjectBuilder()
                                        .add("name", "no.such")
                                        .build()),
                        auth),
                200,
                -32602,
                "validation_failed");
        String huge = Mcp.request(
                "tools/call",
                Json.createObjectBuilder()
                        .add("name", "products.list")
                        .add("arguments", Json.createObjectBuilder().add("q", "x".repeat(300_000)))
                        .build());
        assertRpcError(Mcp.post(session, huge, auth), 413, -32600, "payload_too_large");
        assertRpcError(
                Mcp.post(null, Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT), auth),
                400,
                -32600,
                "validation_failed");
        assertRpcError(
                Mcp.post("not-a-session", Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT), auth),
                404,
                -32600,
                "not_found");

        // What is well-formed is served: a notification is accepted, a ping answered.
        HttpResponse<String> notified =
                Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", auth);
        assertEquals(202, notified.statusCode(), notified.body());
        assertEquals(
                JsonValue.EMPTY_JSON_OBJECT,
                result(Mcp.post(session, Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT), auth)));
        // No stream of server-initiated messages: GET is 405, as the transport allows.
        assertEquals(
                405,
                Api.send("GET", Mcp.PATH, BodyPublishers.noBody(), Api.with(auth, "Accept", "text/event-stream"))
                        .statusCode());
    }

    @Test
    void aSessionBelongsToItsCredentialAndEndsWithDelete() {
        String[] owner = bearer(tokenWith("products:read"));
        String[] other = bearer(tokenWith("products:read"));
        String session = Mcp.session(owner);
        String ping = Mcp.request("ping", JsonValue.EMPTY_JSON_OBJECT);

        assertRpcError(Mcp.post(session, ping, other), 404, -32600, "not_found");
        assertEquals(
                404,
                Api.send("DELETE", Mcp.PATH, BodyPublishers.noBody(), Api.with(other, "Mcp-Session-Id", session))
                        .statusCode());
        assertEquals(200, Mcp.post(session, ping, owner).statusCode());

        HttpResponse<String> ended =
                Api.send("DELETE", Mcp.PATH, BodyPublishers.noBody(), Api.with(owner, "Mcp-Session-Id", session));
        assertEquals(204, ended.statusCode(), ended.body());
        assertRpcError(Mcp.post(session, ping, owner), 404, -32600, "not_found");
    }

    @Test
    void aGovernedWriteWithoutApprovalAnswersApprovalRequiredAndIsAuditedAsMcp() {
        DemoData.await();
        JsonObject entry = json(get("api/v1/entries?limit=1", asBootstrap()))
                .getJsonArray("data")
                .getJsonObject(0);
        JsonObject input = Json.createObjectBuilder()
                .add("id", entry.getString("uid"))
                .add("expectedVersion", entry.getJsonNumber("version").longValue())
                .add("title", "Through MCP")
                .build();
        String token = tokenWith("entries:read", "control:actions:execute", "control:approvals:request");
        try (McpSyncClient client = Mcp.client(token)) {
            client.initialize();
            assertTrue(toolNames(client).containsAll(Set.of("control.execute", "control.request_approval")));
            Map<String, Object> arguments = Map.of(
                    "idempotencyKey",
                    "mcp-" + UUID.randomUUID(),
                    "action",
                    "entry.update",
                    "input",
                    Map.of(
                            "id",
                            input.getString("id"),
                            "expectedVersion",
                            input.getJsonNumber("expectedVersion").longValue(),
                            "title",
                            "Through MCP"));
            McpSchema.CallToolResult refused =
                    client.callTool(new McpSchema.CallToolRequest("control.execute", arguments));
            assertTrue(refused.isError(), refused::toString);
            JsonObject problem = text(refused);
            assertEquals("approval_required", problem.getString("code"));
            assertEquals(403, problem.getInt("status"));
            assertNoStackTrace(problem.toString());

            JsonObject approval = structured(client.callTool(new McpSchema.CallToolRequest(
                    "control.request_approval",
                    Map.of("action", "entry.update", "input", arguments.get("input"), "reason", "MCP IT"))));
            assertEquals("pending", approval.getString("status"));
        }
        assertFalse(
                "Through MCP"
                        .equals(json(get("api/v1/entries/" + entry.getString("uid"), asBootstrap()))
                                .getString("title")),
                "nothing was written");

        // The same door's audit: actor kind mcp, the tool named, the refusal recorded as REST would.
        Instant since = AuditRecords.mark();
        String requestId = "mcp-" + UUID.randomUUID();
        String[] auth = bearer(token);
        String session = Mcp.session(auth);
        HttpResponse<String> call = Mcp.post(
                session,
                Mcp.request(
                        "tools/call",
                        Json.createObjectBuilder()
                                .add("name", "entries.get")
                                .add("arguments", Json.createObjectBuilder().add("id", "no-such-entry"))
                                .build()),
                Api.with(auth, "X-Request-Id", requestId));
        assertEquals(200, call.statusCode(), call.body());
        JsonObject record = AuditRecords.of(requestId, since);
        assertEquals("mcp", record.getString("actorKind"));
        assertEquals("POST /api/v1/mcp tools/call entries.get", record.getString("action"));
        assertEquals("entries:read", record.getString("scope"));
        assertEquals("not_found", record.getString("errorCode"));
    }

    /** Calls runs.start_template for the fix-failing-check template, asking for progress. */
    private static McpSchema.CallToolResult startFromTemplate(
            McpSyncClient client, Map<String, Object> parameters, Object progressToken) {
        return client.callTool(new McpSchema.CallToolRequest(
                "runs.start_template",
                Map.of(
                        "idempotencyKey",
                        "mcp-" + UUID.randomUUID(),
                        "template",
                        "fix-failing-check",
                        "parameters",
                        parameters),
                Map.of("progressToken", progressToken)));
    }

    private static Set<String> toolNames(McpSyncClient client) {
        return client.listTools().tools().stream()
                .map(McpSchema.Tool::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A tool's answer as the JSON text it carries (the structured content is the same document). */
    private static JsonObject text(McpSchema.CallToolResult result) {
        return Api.structure(((McpSchema.TextContent) result.content().get(0)).text())
                .asJsonObject();
    }

    private static JsonObject structured(McpSchema.CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> "tool failed: " + result);
        return text(result);
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonObject("result");
    }

    /** A JSON-RPC error with the Agentry code in its data; returns the whole response. */
    private static JsonObject assertRpcError(HttpResponse<String> response, int status, int rpcCode, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith("application/json"), Api.contentType(response));
        assertNoStackTrace(response.body());
        JsonObject body = json(response);
        assertEquals("2.0", body.getString("jsonrpc"));
        JsonObject error = body.getJsonObject("error");
        assertEquals(rpcCode, error.getInt("code"), response.body());
        assertEquals(code, error.getJsonObject("data").getString("code"), response.body());
        assertFalse(error.getJsonObject("data").getString("requestId").isBlank());
        return body;
    }

    private static String tokenWith(String... scopes) {
        return Api.tokenFor(
                createCredential("{\"name\":\"mcp-" + UUID.randomUUID() + "\",\"owner\":\"mcp-it\",\"scopes\":"
                        + Json.createArrayBuilder(List.of(scopes)).build() + "}"));
    }

    private static String bootstrapToken() {
        return asBootstrap()[1].substring("Bearer ".length());
    }
}
