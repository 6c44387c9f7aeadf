package dev.agentry.it.runs;

import static dev.agentry.it.harness.Runs.artifact;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.ModelServer;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code openai-compatible} provider against the suite's test model server ({@link ModelServer}):
 * the Chat Completions wire protocol with tool calls, the tool errors a model sees, token budgets,
 * and the fault-tolerance guards (retry honouring {@code Retry-After}, timeout, a circuit breaker per
 * provider). The tests that open a circuit do it on providers of their own (hasty, brittle), so
 * testmodel's stays closed; the canary scan runs after all of them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelProviderIT {

    private static final String TOOLS =
            "[\"workspace.list\",\"workspace.read\",\"workspace.write\",\"workspace.search\",\"verify.run\"]";

    /** Every run this class started: the canary scan reads all their artifacts. */
    private static final List<String> RUNS = new ArrayList<>();

    private static final ModelServer MODEL = ModelServer.get();

    @Test
    @Order(1)
    void aMultiTurnRunWithParallelToolCallsEditsTheSeedAndPassesVerify() {
        JsonObject run = run("fix-app", "[\"app-fixed\"]");
        assertEquals("succeeded", run.getString("outcome"), run.toString());
        assertEquals("final_result", run.getString("stopReason"));
        String id = run.getString("id");
        assertTrue(artifact(id, "files/patch.diff").contains("+fixed"), artifact(id, "files/patch.diff"));

        List<ModelServer.Request> requests = MODEL.requests("fix-app");
        assertEquals(3, requests.size(), "one request per turn");
        JsonObject first = requests.get(0).body();
        assertEquals("Bearer " + ModelServer.KEY, requests.get(0).authorization());
        assertEquals(1024, first.getInt("max_tokens"), "the provider's max-tokens");
        JsonArray messages = first.getJsonArray("messages");
        assertEquals("system", messages.getJsonObject(0).getString("role"));
        assertTrue(messages.getJsonObject(0).getString("content").startsWith("You fix the files"));
        assertEquals("user", messages.getJsonObject(1).getString("role"));
        assertTrue(messages.getJsonObject(1).getString("content").startsWith("Fix src/app.txt"));
        assertTrue(messages.getJsonObject(1).getString("content").contains("\"ticket\":\"QA-7\""), "the context");
        // The run's effective tools as functions, their JSON Schemas as parameters.
        Map<String, JsonObject> functions = new java.util.TreeMap<>();
        first.getJsonArray("tools")
                .getValuesAs(JsonObject.class)
                .forEach(
                        t -> functions.put(t.getJsonObject("function").getString("name"), t.getJsonObject("function")));
        assertEquals(
                Set.of("verify_run", "workspace_list", "workspace_read", "workspace_search", "workspace_write"),
                functions.keySet());
        JsonObject write = functions.get("workspace_write").getJsonObject("parameters");
        assertEquals("object", write.getString("type"));
        assertEquals(List.of("content", "path"), Api.strings(write, "required"));
        assertFalse(write.containsKey("$schema"));

        // Turn 2 carries turn 1's two parallel calls as one assistant message and both results.
        JsonArray second = requests.get(1).body().getJsonArray("messages");
        JsonObject assistant = second.getJsonObject(2);
        assertEquals("assistant", assistant.getString("role"));
        List<String> callIds = assistant.getJsonArray("tool_calls").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id"))
                .toList();
        assertEquals(List.of("call_8JqW3nVb0sXr2LmK5tYpZ1aE", "call_Q4fT9hLm2VcN7xRb1KsW8dJy"), callIds);
        assertEquals("tool", second.getJsonObject(3).getString("role"));
        assertEquals(callIds.get(0), second.getJsonObject(3).getString("tool_call_id"));
        assertEquals(callIds.get(1), second.getJsonObject(4).getString("tool_call_id"));
        assertTrue(second.getJsonObject(4).getString("content").contains("broken"), "the file the model read");

        // Every call recorded; tokens per turn and per run.
        List<JsonObject> calls = artifactJson(id, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of("workspace.list", "workspace.read", "workspace.write", "verify.run"),
                calls.stream().map(c -> c.getString("tool_name")).toList());
        calls.forEach(c -> assertEquals("ok", c.getString("status"), c.toString()));
        JsonObject usage = artifactJson(id, "files/agent-result.json").getJsonObject("usage");
        assertEquals(470 + 751 + 934, usage.getInt("totalTokens"), usage.toString());
        assertEquals(412 + 655 + 903, usage.getInt("promptTokens"));
        List<JsonObject> turns = events(id).stream()
                .filter(e -> e.getString("type").equals("turn"))
                .toList();
        assertEquals(
                List.of(470, 751, 934),
                turns.stream()
                        .map(t -> t.getJsonObject("usage").getInt("totalTokens"))
                        .toList());
    }

    @Test
    @Order(2)
    void malformedAndSchemaInvalidArgumentsAreToolErrorsTheModelSees() {
        JsonObject run = run("bad-arguments", "[]");
        assertEquals("no_op", run.getString("outcome"), run.toString());
        List<JsonObject> calls = artifactJson(run.getString("id"), "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        assertEquals(2, calls.size());
        for (JsonObject call : calls) {
            assertEquals("error", call.getString("status"), call.toString());
            assertEquals(
                    "invalid_arguments",
                    call.getJsonObject("output").getJsonObject("error").getString("code"));
        }
        assertTrue(
                calls.get(0).toString().contains("not valid JSON"), calls.get(0).toString());
        assertTrue(
                calls.get(1).toString().contains("content is required"),
                calls.get(1).toString());
        List<JsonObject> results =
                toolMessages(MODEL.requests("bad-arguments").get(1).body());
        assertEquals(2, results.size());
        results.forEach(r -> assertTrue(r.getString("content").contains("invalid_arguments"), r.toString()));
    }

    @Test
    @Order(3)
    void anUnknownToolIsAToolErrorTheModelSees() {
        JsonObject run = run("unknown-tool", "[]");
        assertEquals("no_op", run.getString("outcome"), run.toString());
        List<JsonObject> results =
                toolMessages(MODEL.requests("unknown-tool").get(1).body());
        assertEquals("call_T5rE4wQ3aS2dF1gH0jK9lZ8x", results.get(0).getString("tool_call_id"));
        assertTrue(results.get(0).getString("content").contains("unknown_tool"), results.toString());
    }

    @Test
    @Order(4)
    void a429IsRetriedAfterItsRetryAfter() {
        JsonObject run = run("rate-limited", "[]");
        assertEquals("no_op", run.getString("outcome"), run.toString());
        List<ModelServer.Request> requests = MODEL.requests("rate-limited");
        assertEquals(2, requests.size());
        Duration waited = Duration.between(requests.get(0).at(), requests.get(1).at());
        assertTrue(waited.toMillis() >= 950, "Retry-After: 1 was honoured, waited " + waited);
    }

    @Test
    @Order(5)
    void theTokenBudgetStopsTheRunBeforeTheNextTurn() {
        JsonObject run = run("chatty", "[]", "\"tokenBudget\":1500");
        assertEquals("token_budget", run.getString("stopReason"), run.toString());
        assertEquals("unable_to_remediate", run.getString("outcome"));
        assertEquals(2, MODEL.requests("chatty").size(), "900 + 900 tokens: no third turn");
        assertEquals(
                1800,
                artifactJson(run.getString("id"), "files/agent-result.json")
                        .getJsonObject("usage")
                        .getInt("totalTokens"));
    }

    @Test
    @Order(6)
    void aReplyThatEchoesTheKeyIsRedacted() {
        JsonObject run = run("echo-key", "[]");
        String transcript = artifact(run.getString("id"), "files/transcript.json");
        assertTrue(transcript.contains("you sent me: Bearer [REDACTED]"), transcript);
    }

    @Test
    @Order(7)
    void aHungProviderHitsTheTimeoutAndEndsTheRunAsProviderError() {
        // The provider hasty waits 1 s; the scenario never answers.
        JsonObject run = runAs("hasty-modeler", "hung", "[]");
        assertEquals("provider_error", run.getString("outcome"), run.toString());
        JsonObject evidence = run.getJsonObject("failureEvidence");
        assertEquals("timeout", evidence.getString("errorType"), evidence.toString());
        assertEquals("hasty", evidence.getString("provider"));
        // Three timeouts may open the circuit (3 failures of the last 4 attempts) before the fourth.
        assertTrue(Set.of("timeout", "circuit_open").contains(evidence.getString("error")), evidence.toString());
        assertTrue(evidence.getInt("attempts") >= 3, evidence.toString());
        assertTrue(evidence.getString("message").contains("did not answer within 1 s"), evidence.toString());
        assertTrue(MODEL.requests("hung").size() >= 3);
        // hasty's circuit may be open now; the other tests run on testmodel, whose circuit is its own.
    }

    @Test
    @Order(8)
    void repeated500sOpenTheProvidersCircuitAndOnlyItsOwn() {
        JsonObject failed = runAs("brittle-modeler", "server-error", "[]");
        assertEquals("provider_error", failed.getString("outcome"), failed.toString());
        JsonObject evidence = failed.getJsonObject("failureEvidence");
        assertEquals(500, evidence.getInt("status"), evidence.toString());
        assertEquals("server_error", evidence.getString("errorType"));
        assertEquals("brittle", evidence.getString("provider"));
        assertEquals(4, evidence.getInt("attempts"));
        assertFalse(evidence.toString().contains("Sorry about that"), "never the provider's own words");
        assertEquals(4, MODEL.requests("server-error").size());

        // Open: the next run on brittle fails at once, and the model server is not called.
        int before = MODEL.requests("done").size();
        JsonObject refused = runAs("brittle-modeler", "done", "[]");
        assertEquals("provider_error", refused.getString("outcome"), refused.toString());
        JsonObject open = refused.getJsonObject("failureEvidence");
        assertEquals("circuit_open", open.getString("error"), open.toString());
        assertTrue(open.getString("message").contains("circuit"), open.toString());
        assertEquals(before, MODEL.requests("done").size());

        // Another provider's circuit is its own: testmodel is still called.
        JsonObject other = run("done", "[]");
        assertEquals("no_op", other.getString("outcome"), other.toString());
        assertEquals(before + 1, MODEL.requests("done").size());

        // Half-open after 10 s in this suite: a good call closes brittle's circuit again.
        Eventually.await(
                "brittle's circuit to close",
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                () -> runAs("brittle-modeler", "done", "[]"),
                r -> "no_op".equals(r.getString("outcome", "")));
    }

    @Test
    @Order(9)
    void aTaskRunsOnItsAgentsProviderAndAnAgentNamesAConfiguredOne() {
        String task = Runs.task("modeler", TOOLS, "[]", "null", "\"provider\":\"scripted\"");
        assertTrue(Api.fieldErrors(Runs.submit(task, UUID.randomUUID().toString(), runner()))
                .contains("provider:not_allowed"));
        String agent = "{\"slug\":\"p-%s\",\"label\":\"x\",\"provider\":\"%s\"}";
        String slug = "m" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                Set.of("provider:unknown"),
                Api.fieldErrors(Api.postJson("api/v1/agents", agent.formatted(slug, "nowhere"), Api.asBootstrap())));
        assertEquals(
                201,
                Api.postJson("api/v1/agents", agent.formatted(slug, "testmodel"), Api.asBootstrap())
                        .statusCode());
    }

    @Test
    @Order(100)
    void theKeyIsInNoArtifactEventErrorOrLog() throws IOException {
        assertNotNull(ModelServer.KEY);
        assertTrue(RUNS.size() >= 8, RUNS.toString());
        List<String> leaks = new ArrayList<>();
        for (String id : RUNS) {
            Runs.entries(Runs.zip(id)).forEach((name, bytes) -> {
                if (Runs.text(bytes).contains(ModelServer.KEY)) {
                    leaks.add(id + "/" + name);
                }
            });
            if (Api.get("api/v1/runs/" + id, runner()).body().contains(ModelServer.KEY)) {
                leaks.add(id);
            }
        }
        Path server = Path.of(System.getProperty("it.server-dir"));
        try (Stream<Path> data = Files.walk(Path.of(System.getProperty("it.data-dir")));
                Stream<Path> logs = Files.walk(server.resolve("log"))) {
            for (Path file :
                    Stream.concat(data, logs).filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(ModelServer.KEY)) {
                    leaks.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** Runs the modeler agent with this scenario as its model, and waits for the end. */
    private static JsonObject run(String scenario, String verifySteps, String... more) {
        return runAs("modeler", scenario, verifySteps, more);
    }

    private static JsonObject runAs(String agent, String scenario, String verifySteps, String... more) {
        String[] members = Stream.concat(
                        Stream.of("\"model\":\"" + scenario + "\"", "\"context\":{\"ticket\":\"QA-7\"}"),
                        Stream.of(more))
                .toArray(String[]::new);
        String id = start(Runs.task(agent, TOOLS, verifySteps, "null", members)).getString("id");
        RUNS.add(id);
        return awaitEnd(id);
    }

    private static List<JsonObject> events(String id) {
        return artifact(id, "events.jsonl")
                .lines()
                .map(l -> (JsonObject) Api.structure(l))
                .toList();
    }

    private static List<JsonObject> toolMessages(JsonObject request) {
        return request.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("role").equals("tool"))
                .toList();
    }
}
