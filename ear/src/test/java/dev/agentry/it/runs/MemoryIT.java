package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agent memory (SPEC section 9): compare-and-swap writes through the API (exactly one of concurrent
 * writers of a version wins, the others learn the current hash), layers owned by the caller, and the
 * memory tools of a run under the agent's memory policy.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryIT {

    /** The suite's agent with memory: src/test/runs/agents/rememberer.json. */
    private static final String MEMORY = "api/v1/agents/rememberer/memory/";

    private static String[] manager() {
        return bearer(tokenFor(createCredential("{\"name\":\"memory-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"agents:read\",\"agents:manage\",\"runs:write\",\"runs:read\","
                + "\"artifacts:read\"]}")));
    }

    private static HttpResponse<String> put(String key, String body, String query, String[] as) {
        return Api.send(
                "PUT",
                MEMORY + key + query,
                BodyPublishers.ofString(body),
                Api.with(as, "Content-Type", "application/json"));
    }

    @Test
    void writesAreCompareAndSwapOnTheHash() {
        String[] as = manager();
        String key = "cas-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = put(key, "{\"value\":{\"step\":1}}", "", as);
        assertEquals(201, created.statusCode(), created.body());
        String first = json(created).getString("hash");
        assertTrue(first.startsWith("sha256:"));
        assertEquals("\"" + first + "\"", created.headers().firstValue("ETag").orElseThrow());
        assertProblem(put(key, "{\"value\":{\"step\":9}}", "", as), 409, "conflict"); // exists already

        HttpResponse<String> changed = put(key, "{\"value\":{\"step\":2},\"ifMatch\":\"" + first + "\"}", "", as);
        assertEquals(200, changed.statusCode(), changed.body());
        String second = json(changed).getString("hash");
        JsonObject stale = assertProblem(
                put(key, "{\"value\":{\"step\":3},\"ifMatch\":\"" + first + "\"}", "", as), 409, "conflict");
        assertTrue(stale.toString().contains(second), "the current hash is named: " + stale);
        assertEquals(2, json(Api.get(MEMORY + key, as)).getJsonObject("value").getInt("step"));

        assertProblem(
                Api.send("DELETE", MEMORY + key + "?ifMatch=" + first, BodyPublishers.noBody(), as), 409, "conflict");
        assertEquals(
                204,
                Api.send("DELETE", MEMORY + key + "?ifMatch=" + second, BodyPublishers.noBody(), as)
                        .statusCode());
        assertProblem(Api.get(MEMORY + key, as), 404, "not_found");
        assertEquals(
                java.util.Set.of("ifMatch:invalid"),
                Api.fieldErrors(put(key, "{\"value\":1,\"ifMatch\":\"md5:x\"}", "", as)));
    }

    @Test
    void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        String[] as = manager();
        String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creators = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                creators.add(() ->
                        put(key, "{\"value\":{\"writer\":" + n + "}}", "", as).statusCode());
            }
            assertEquals(Map.of(201, 1L, 409, 7L), counts(pool.invokeAll(creators)));

            String hash = json(Api.get(MEMORY + key, as)).getString("hash");
            List<Callable<Integer>> swappers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                swappers.add(
                        () -> put(key, "{\"value\":{\"writer\":" + (10 + n) + "},\"ifMatch\":\"" + hash + "\"}", "", as)
                                .statusCode());
            }
            assertEquals(Map.of(200, 1L, 409, 7L), counts(pool.invokeAll(swappers)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCredentialLayerIsTheCallersOwn() {
        String[] owner = manager();
        String[] other = manager();
        String key = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                put(key, "{\"value\":\"private\"}", "?layer=credential", owner).statusCode());
        assertEquals(
                "private",
                json(Api.get(MEMORY + key + "?layer=credential", owner)).getString("value"));
        assertProblem(Api.get(MEMORY + key + "?layer=credential", other), 404, "not_found");
        assertEquals(List.of(), Api.listed(Api.get(MEMORY + "?layer=credential", other)));
        assertEquals(1, Api.listed(Api.get(MEMORY + "?layer=credential", owner)).size());
        assertProblem(Api.get("api/v1/agents/no-such-agent/memory", owner), 404, "not_found");
        // A layer that is none is the caller's mistake, named, whichever route takes it.
        assertEquals(Set.of("layer:invalid"), Api.fieldErrors(Api.get(MEMORY + "?layer=team", owner)));
        assertEquals(Set.of("layer:invalid"), Api.fieldErrors(put(key, "{\"value\":\"x\"}", "?layer=team", owner)));
    }

    @Test
    void aRunReadsAndWritesItsMemoryThroughTheToolsUnderTheMemoryPolicy() {
        String[] as = manager();
        String key = "run-" + UUID.randomUUID().toString().substring(0, 8);
        String script = """
                [{"toolCalls":[{"tool":"memory.write","arguments":{"key":"%1$s","value":{"learned":"fixed is the word"}}},
                               {"tool":"memory.read","arguments":{"key":"%1$s"}},
                               {"tool":"memory.write","arguments":{"key":"%1$s","value":2}},
                               {"tool":"memory.write","arguments":{"key":"%1$s-s","value":3,"layer":"session"}},
                               {"tool":"memory.list","arguments":{"layer":"credential"}}]},
                 {"final":"Remembered."}]""".formatted(key);
        String task = Runs.task("rememberer", "[\"memory.read\",\"memory.write\",\"memory.list\"]", "[]", script);
        String id = start(task).getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("no_op", run.getString("outcome"), run.toString());
        List<JsonObject> calls = artifactJson(id, "files/runtime-evidence/tool-calls/transcript.json")
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of("ok", "ok", "error", "error", "denied"),
                calls.stream().map(c -> c.getString("status")).toList(),
                calls.toString());
        assertEquals(
                "fixed is the word",
                calls.get(1).getJsonObject("output").getJsonObject("value").getString("learned"));
        assertEquals(
                "conflict",
                calls.get(2).getJsonObject("output").getJsonObject("error").getString("code"));
        assertEquals(
                "no_session",
                calls.get(3).getJsonObject("output").getJsonObject("error").getString("code"));
        JsonObject stored = json(Api.get(MEMORY + key, as));
        assertEquals("fixed is the word", stored.getJsonObject("value").getString("learned"));
    }

    private static Map<Integer, Long> counts(List<Future<Integer>> results) {
        return results.stream()
                .map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
