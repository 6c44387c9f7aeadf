package dev.agentry.it.control;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents propose, people approve: the run tool {@code catalog.write} under the agent's tool policy —
 * {@code direct} executes (where no approval is needed), {@code preview} requests an approval on behalf of
 * the run's credential and agent, {@code forbidden} never reaches the tool.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ControlToolIT {

    private static final String SCOPES = "[\"runs:write\",\"tags:read\",\"entries:read\","
            + "\"control:actions:execute\",\"control:approvals:request\"]";

    private static String[] runner;
    private static String suffix;

    @BeforeAll
    static void agentsAndRunner() {
        postJson(
                "api/v1/control/policies",
                "{\"pattern\":\"tag.create\",\"requiresApproval\":false,\"risk\":\"low\"}",
                asBootstrap());
        suffix = UUID.randomUUID().toString().substring(0, 8);
        for (String action : List.of("direct", "preview", "forbidden")) {
            HttpResponse<String> agent = postJson(
                    "api/v1/agents",
                    "{\"slug\":\"writer-" + action + "-" + suffix + "\",\"label\":\"Writer " + action + "\","
                            + "\"toolPolicy\":{\"allow\":[\"catalog.write\"],\"actions\":{\"catalog.write\":\""
                            + action + "\"}},\"permissionCeiling\":" + SCOPES + "}",
                    asBootstrap());
            assertEquals(201, agent.statusCode(), agent.body());
        }
        runner = bearer(Api.tokenFor(createCredential("{\"name\":\"agent-runner-" + suffix
                + "\",\"owner\":\"control-it\",\"scopes\":[\"runs:write\",\"runs:read\",\"artifacts:read\","
                + "\"tags:read\",\"entries:read\",\"control:actions:execute\",\"control:approvals:request\"]}")));
    }

    @Test
    void directExecutesWhereNoApprovalIsNeededAndIsRefusedWhereOneIs() {
        String slug = "agent-direct-" + UUID.randomUUID();
        JsonObject run = run(
                "direct",
                "[{\"toolCalls\":[" + write("tag.create", "{\"name\":\"By an agent\",\"slug\":\"" + slug + "\"}")
                        + "," + write("entry.delete", "{\"id\":\"nothing\",\"expectedVersion\":0}")
                        + "],\"final\":\"done\"}]");
        assertTrue(strings(run, "effectiveTools").contains("catalog.write"), run::toString);
        List<JsonObject> calls = toolCalls(run.getString("id"));
        assertEquals("ok", calls.get(0).getString("status"), calls.get(0).toString());
        assertEquals("error", calls.get(1).getString("status"), calls.get(1).toString());
        assertTrue(
                calls.get(1).toString().contains("approval_required"),
                calls.get(1).toString());
        assertEquals(1, listed(get("api/v1/tags?filter=slug:" + slug, runner)).size());
        JsonObject execution = listed(get("api/v1/control/executions?action=tag.create&limit=200", runner)).stream()
                .filter(e -> run.getString("id").equals(e.getString("runId", null)))
                .findFirst()
                .orElseThrow();
        assertEquals(
                slug, execution.getJsonObject("effect").getJsonObject("after").getString("slug"));
    }

    @Test
    void previewProposesAndTheRunCarriesThePendingApproval() {
        String slug = "agent-preview-" + UUID.randomUUID();
        JsonObject run = run(
                "preview",
                "[{\"toolCalls\":[" + write("tag.create", "{\"name\":\"Proposed\",\"slug\":\"" + slug + "\"}")
                        + "],\"final\":\"proposed\"}]");
        String id = run.getString("id");
        assertEquals("previewed", toolCalls(id).get(0).getString("status"));
        List<String> pending = strings(
                json(get("api/v1/runs/" + id + "/artifacts/files/agent-result.json", runner)), "pendingApprovals");
        assertEquals(1, pending.size());
        JsonObject approval = json(get("api/v1/control/approvals/" + pending.get(0), runner));
        assertEquals("pending", approval.getString("status"));
        assertEquals(id, approval.getString("runId"));
        assertEquals("writer-preview-" + suffix, approval.getString("agent"));
        assertEquals("tag.create", approval.getString("action"));
        assertTrue(get("api/v1/runs/" + id + "/artifacts/files/transcript.json", runner)
                .body()
                .contains("approval_required"));
        assertTrue(listed(get("api/v1/tags?filter=slug:" + slug, runner)).isEmpty(), "nothing written");
    }

    @Test
    void forbiddenNeverReachesTheTool() {
        JsonObject run = run(
                "forbidden",
                "[{\"toolCalls\":[" + write("tag.create", "{\"name\":\"No\",\"slug\":\"agent-forbidden\"}")
                        + "],\"final\":\"done\"}]");
        assertFalse(strings(run, "effectiveTools").contains("catalog.write"));
        assertEquals("denied", toolCalls(run.getString("id")).get(0).getString("status"));
    }

    private static String write(String action, String input) {
        return "{\"tool\":\"catalog.write\",\"arguments\":{\"action\":\"" + action + "\",\"input\":" + input + "}}";
    }

    private static JsonObject run(String action, String script) {
        HttpResponse<String> accepted = Runs.submit(
                Runs.task("writer-" + action + "-" + suffix, "[\"catalog.write\"]", "[]", script),
                UUID.randomUUID().toString(),
                runner);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return Runs.awaitEnd(json(accepted).getString("id"), runner);
    }

    private static List<JsonObject> toolCalls(String runId) {
        return json(get(
                        "api/v1/runs/" + runId + "/artifacts/files/runtime-evidence/tool-calls/transcript.json",
                        runner))
                .getJsonArray("tool_calls")
                .getValuesAs(JsonObject.class);
    }
}
