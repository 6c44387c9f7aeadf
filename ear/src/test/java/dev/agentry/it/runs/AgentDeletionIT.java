package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Runs;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code DELETE /agents/{slug}}: an API agent goes with its memory and sessions, its ended runs stay;
 * refused while a run of it has not ended, for an agent defined in code or a file, and for a caller
 * without the agent's whole permission ceiling.
 */
@ExtendWith(ArquillianExtension.class)
class AgentDeletionIT {

    private static final String AGENT = """
            {"schema":"agentry/agent/v1","slug":"%s","label":"Deletable","instructions":"Say done.",
             "provider":"scripted","toolPolicy":{"allow":["workspace"],"deny":[],"actions":{}},
             "permissionCeiling":["runs:write","entries:read"]}""";

    private static HttpResponse<String> delete(String slug, String... caller) {
        return Api.send("DELETE", "api/v1/agents/" + slug, BodyPublishers.noBody(), caller);
    }

    private static String task(String slug, String session, String script) {
        return "{\"goal\":\"g\",\"agent\":\"" + slug + "\",\"workspace\":{\"seed\":\"project\"},\"sessionId\":\""
                + session + "\",\"script\":" + script + "}";
    }

    @Test
    void anApiAgentGoesWithItsMemoryAndSessionsAndItsEndedRunsStay() {
        String slug = "deletable-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                postJson("api/v1/agents", AGENT.formatted(slug), asBootstrap()).statusCode());
        String memory = "api/v1/agents/" + slug + "/memory/note";
        assertEquals(
                201,
                Api.send(
                                "PUT",
                                memory,
                                BodyPublishers.ofString("{\"value\":\"kept?\"}"),
                                Api.with(asBootstrap(), "Content-Type", "application/json"))
                        .statusCode());
        String session = "del-" + UUID.randomUUID();
        String running = start(task(slug, session, "[{\"text\":\"busy\",\"delayMs\":30000}]"))
                .getString("id");
        Runs.awaitStatus(running, "running");
        assertProblem(delete(slug, asBootstrap()), 409, "conflict");
        Api.send("POST", "api/v1/runs/" + running + "/cancel", BodyPublishers.noBody(), runner());
        assertEquals("cancelled", awaitEnd(running).getString("status"));

        // The grant ceiling: agents:manage alone does not reach an agent that may use entries:read.
        String[] manager = bearer(tokenFor(createCredential("{\"name\":\"agent-deleter-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"agents:manage\",\"runs:write\"]}")));
        assertProblem(delete(slug, manager), 403, "scope_denied");
        assertEquals(200, get("api/v1/agents/" + slug, asBootstrap()).statusCode(), "still there");

        assertEquals(204, delete(slug, asBootstrap()).statusCode());
        assertProblem(get("api/v1/agents/" + slug, asBootstrap()), 404, "not_found");
        assertProblem(get(memory, asBootstrap()), 404, "not_found");
        assertProblem(get("api/v1/sessions/" + session, runner()), 404, "not_found");
        assertEquals(slug, json(get("api/v1/runs/" + running, runner())).getString("agent"), "the run stays");
        assertProblem(delete(slug, asBootstrap()), 404, "not_found");

        // A new agent of the same slug starts with nothing of the old one's.
        assertEquals(
                201,
                postJson("api/v1/agents", AGENT.formatted(slug), asBootstrap()).statusCode());
        assertEquals(List.of(), listed(get("api/v1/agents/" + slug + "/memory", asBootstrap())));
        String fresh = start(task(slug, session, "[{\"final\":\"again\"}]")).getString("id");
        awaitEnd(fresh);
        assertEquals(1, json(get("api/v1/sessions/" + session, runner())).getInt("runs"), "a new session");
        assertEquals(204, delete(slug, asBootstrap()).statusCode());
    }

    @Test
    void anAgentDefinedInCodeOrAFileIsDeletedWhereItIsDefined() {
        assertProblem(delete("demo", asBootstrap()), 409, "conflict");
        assertProblem(delete("reviewer", asBootstrap()), 409, "conflict");
        assertEquals(200, get("api/v1/agents/demo", asBootstrap()).statusCode());
    }
}
