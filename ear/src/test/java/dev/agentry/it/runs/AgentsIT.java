package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent registry: startup code, declarative files and the API, one slug each, first wins. */
@ExtendWith(ArquillianExtension.class)
class AgentsIT {

    @Test
    void agentsComeFromStartupCodeAndFilesAndRejectedOnesAreShownWithTheFirstOrigin() {
        JsonObject list = json(Api.get("api/v1/agents", asBootstrap()));
        assertEquals(Api.listed(Api.get("api/v1/agents", asBootstrap())).size(), list.getInt("count"), "the envelope");
        Map<String, String> origins = list.getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(a -> a.getString("slug"), a -> a.getString("origin")));
        assertEquals("startup:dev.agentry.core.agents.DemoAgent", origins.get("demo"), "the shipped demo agent");
        assertEquals("file:reviewer.json", origins.get("reviewer"));

        Map<String, String> rejected = list.getJsonArray("rejected").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("origin"), r -> r.getString("reason")));
        assertTrue(
                rejected.get("file:zz-duplicate-demo.json").contains("startup:dev.agentry.core.agents.DemoAgent"),
                "a duplicate names where the first came from: " + rejected);
        assertTrue(rejected.containsKey("file:broken.json"), rejected.toString());

        JsonObject demo = json(Api.get("api/v1/agents/demo", asBootstrap()));
        assertEquals("agentry/agent/v1", demo.getString("schema"));
        assertFalse(demo.getBoolean("editable"));
        assertTrue(demo.getJsonArray("permissionCeiling").toString().contains("runs:write"));
        assertProblem(Api.get("api/v1/agents/nobody", asBootstrap()), 404, "not_found");
    }

    @Test
    void theApiRegistersAndChangesItsOwnAgentsOnly() {
        String body = "{\"slug\":\"triage\",\"label\":\"Triage\",\"toolPolicy\":{\"allow\":[\"workspace.read\"],"
                + "\"actions\":{\"workspace.read\":\"preview\"}},\"permissionCeiling\":[\"runs:write\"],"
                + "\"metadata\":{\"owner\":\"ops\"}}";
        HttpResponse<String> created = postJson("api/v1/agents", body, asBootstrap());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/agents/triage"));
        assertEquals("api", json(created).getString("origin"));

        JsonObject again = assertProblem(postJson("api/v1/agents", body, asBootstrap()), 409, "conflict");
        assertTrue(again.getString("detail").contains("by api"), again.toString());
        JsonObject taken = assertProblem(
                postJson("api/v1/agents", "{\"slug\":\"reviewer\",\"label\":\"x\"}", asBootstrap()), 409, "conflict");
        assertTrue(taken.getString("detail").contains("file:reviewer.json"), taken.toString());

        HttpResponse<String> patched = Api.send(
                "PATCH",
                "api/v1/agents/triage",
                BodyPublishers.ofString(
                        "{\"label\":\"Triage v2\",\"permissionCeiling\":[\"runs:write\",\"entries:read\"]}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("Triage v2", json(patched).getString("label"));
        assertEquals("ops", json(patched).getJsonObject("metadata").getString("owner"), "members not given are kept");
        assertEquals(
                "Triage v2",
                json(Api.get("api/v1/agents/triage", asBootstrap())).getString("label"));
        HttpResponse<String> blanked = Api.send(
                "PATCH",
                "api/v1/agents/triage",
                BodyPublishers.ofString("{\"label\":\"  \"}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertEquals(Set.of("label:required"), Api.fieldErrors(blanked), "a label given is required, as on creation");

        HttpResponse<String> fixed = Api.send(
                "PATCH",
                "api/v1/agents/demo",
                BodyPublishers.ofString("{\"label\":\"mine now\"}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertTrue(assertProblem(fixed, 409, "conflict").getString("detail").contains("startup:"));
    }

    @Test
    void badDefinitionsAreRefusedWithEveryFieldNamed() {
        HttpResponse<String> response = postJson(
                "api/v1/agents",
                "{\"slug\":\"Bad Slug\",\"provider\":\"gpt-9\",\"toolPolicy\":{\"allow\":[\"shell\"],\"actions\":"
                        + "{\"workspace.read\":\"sometimes\"}},\"permissionCeiling\":[\"root\"],\"extra\":true}",
                asBootstrap());
        Set<String> errors = Api.fieldErrors(response);
        assertEquals(
                Set.of(
                        "slug:invalid",
                        "label:required",
                        "provider:unknown",
                        "toolPolicy.allow[0]:unknown_tool",
                        "toolPolicy.actions.workspace.read:invalid",
                        "permissionCeiling[0]:unknown_scope",
                        "extra:unknown_field"),
                errors);
    }

    @Test
    void wrongTypesInsideNestedMembersAreNamedWithTheirPath() {
        HttpResponse<String> response = postJson(
                "api/v1/agents",
                "{\"slug\":\"typed-agent\",\"label\":\"typed\",\"toolPolicy\":{\"allow\":[5],\"actions\":"
                        + "{\"workspace.read\":1},\"mode\":\"x\"},\"memoryPolicy\":[],\"metadata\":{\"k\":2}}",
                asBootstrap());
        Set<String> errors = Api.fieldErrors(response);
        assertEquals(
                Set.of(
                        "toolPolicy.mode:unknown_field",
                        "toolPolicy.allow[0]:not_a_string",
                        "toolPolicy.actions.workspace.read:not_a_string",
                        "memoryPolicy:not_an_object",
                        "metadata.k:not_a_string"),
                errors);
        assertProblem(Api.get("api/v1/agents/typed-agent", asBootstrap()), 404, "not_found");
    }

    @Test
    void readingNeedsAgentsReadAndChangingNeedsAgentsManage() {
        String[] reader = bearer(tokenFor(
                createCredential("{\"name\":\"agent reader\",\"owner\":\"it\",\"scopes\":[\"agents:read\"]}")));
        assertEquals(200, Api.get("api/v1/agents", reader).statusCode());
        assertProblem(postJson("api/v1/agents", "{\"slug\":\"sneaky\",\"label\":\"x\"}", reader), 403, "scope_denied");
    }
}
