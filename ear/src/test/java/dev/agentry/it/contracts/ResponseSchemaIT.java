package dev.agentry.it.contracts;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.PublishedSchemas;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route's real answer conforms to the schema {@code /schema} publishes for it, read as closed: each of those
 * schemas says {@code additionalProperties: false}, so a field the API writes but the schema lacks fails here, as
 * does a required one it leaves out or a value outside a stated limit. Checked with an independent JSON Schema
 * validator ({@link PublishedSchemas}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResponseSchemaIT {

    @Test
    void everyCollectionPageAndRecordConformsToItsSchemas() {
        DemoData.await();
        List<String> collections = json(get("api/v1/schema", asBootstrap())).getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .filter(id -> id.startsWith("collection."))
                .map(id -> id.substring("collection.".length()))
                .toList();
        assertEquals(15, collections.size(), collections.toString());
        for (String collection : collections) {
            HttpResponse<String> page = get("api/v1/" + collection + "?limit=5", asBootstrap());
            JsonObject body = conforms("envelope.collection-page", page);
            for (JsonValue record : body.getJsonArray("data")) {
                conforms("collection." + collection, record.toString());
            }
            if (!body.getJsonArray("data").isEmpty()) {
                String uid = body.getJsonArray("data").getJsonObject(0).getString("uid");
                conforms("collection." + collection, get("api/v1/" + collection + "/" + uid, asBootstrap()));
            }
        }
    }

    @Test
    void theChangesFeedAndSyncStateConform() {
        DemoData.await();
        JsonObject changes = conforms("envelope.change-page", get("api/v1/changes?limit=50", asBootstrap()));
        assertFalse(changes.getJsonArray("data").isEmpty());
        String consumer = "schema-" + UUID.randomUUID();
        HttpResponse<String> stored = Api.send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString("{\"consumer\":\"" + consumer + "\",\"resourceType\":\"entries\",\"cursor\":\""
                        + changes.getString("nextCursor") + "\",\"metadata\":{\"host\":\"worker-1\"}}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        conforms("envelope.checkpoint", stored);
        conforms(
                "envelope.checkpoint",
                get("api/v1/sync-state/checkpoint?consumer=" + consumer + "&resourceType=entries", asBootstrap()));
        conforms("envelope.lag-list", get("api/v1/sync-state/lag", asBootstrap()));
        conforms("envelope.lag-history", get("api/v1/sync-state/lag/history?limit=5", asBootstrap()));
    }

    @Test
    void agentMemoryConforms() {
        String entry = "api/v1/agents/rememberer/memory/schema-" + UUID.randomUUID();
        conforms(
                "memory-entry",
                Api.send(
                        "PUT",
                        entry,
                        BodyPublishers.ofString("{\"value\":{\"a\":[1,\"two\"]}}"),
                        Api.with(asBootstrap(), "Content-Type", "application/json")));
        conforms("memory-entry", get(entry, asBootstrap()));
        conforms("envelope.memory-page", get("api/v1/agents/rememberer/memory?limit=5", asBootstrap()));
    }

    @Test
    void runsAgentsAndTheirArtifactsConform() {
        HttpResponse<String> submitted = Runs.submit(
                Runs.task("demo", "[]", "[]", "[{\"final\":\"schema\"}]"),
                UUID.randomUUID().toString(),
                Runs.runner());
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = conforms("agent-task-run", submitted).getString("id");
        Runs.awaitEnd(id);
        conforms("agent-task-run", get("api/v1/runs/" + id, Runs.runner()));
        conforms("envelope.run-page", get("api/v1/runs?limit=5", Runs.runner()));
        conforms("artifact-manifest", get("api/v1/runs/" + id + "/artifacts", Runs.runner()));
        conforms("artifact-verification", get("api/v1/runs/" + id + "/artifacts/verify", Runs.runner()));
        conforms("envelope.agent-list", get("api/v1/agents", asBootstrap()));
        conforms("agent", get("api/v1/agents/demo", asBootstrap()));
    }

    @Test
    void sessionsConform() {
        String session = "schema-" + UUID.randomUUID();
        HttpResponse<String> submitted = Runs.submit(
                "{\"goal\":\"schema\",\"agent\":\"demo\",\"workspace\":{\"seed\":\"project\"},\"sessionId\":\""
                        + session + "\",\"script\":[{\"final\":\"schema\"}]}",
                UUID.randomUUID().toString(),
                Runs.runner());
        assertEquals(202, submitted.statusCode(), submitted.body());
        Runs.awaitEnd(Api.json(submitted).getString("id"));
        conforms("session", get("api/v1/sessions/" + session, Runs.runner()));
        conforms("envelope.transcript-page", get("api/v1/sessions/" + session + "/transcript", Runs.runner()));
    }

    @Test
    void governedWritesConform() {
        String slug = "schema-" + UUID.randomUUID();
        postJson("api/v1/control/policies", "{\"pattern\":\"tag.create\",\"requiresApproval\":false}", asBootstrap());
        String tag = "{\"action\":\"tag.create\",\"input\":{\"name\":\"Schema\",\"slug\":\"" + slug + "\"}}";
        conforms("control.simulation", postJson("api/v1/control/policy-simulate", tag, asBootstrap()));
        String execution = conforms(
                        "control.execution",
                        postJson(
                                "api/v1/control/actions/execute",
                                tag,
                                Api.with(asBootstrap(), "Idempotency-Key", slug)))
                .getString("id");
        conforms("control.execution", get("api/v1/control/executions/" + execution, asBootstrap()));
        conforms("control.execution-list", get("api/v1/control/executions?limit=5", asBootstrap()));
        HttpResponse<String> requested = postJson(
                "api/v1/control/approvals",
                "{\"action\":\"tag.create\",\"input\":{\"name\":\"Schema\",\"slug\":\"" + slug + "-2\"}}",
                asBootstrap());
        String approval = conforms("control.approval", requested).getString("id");
        conforms("control.approval", get("api/v1/control/approvals/" + approval, asBootstrap()));
        conforms("control.approval-list", get("api/v1/control/approvals?limit=5", asBootstrap()));
        JsonObject policies = conforms("control.policy-list", get("api/v1/control/policies", asBootstrap()));
        long policy = policies.getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        conforms("control.policy", get("api/v1/control/policies/" + policy, asBootstrap()));
        conforms("audit-page", get("api/v1/control/audit?limit=5", asBootstrap()));
    }

    @Test
    void credentialsAndSigningKeysConform() {
        HttpResponse<String> created = postJson(
                "api/v1/credentials",
                "{\"name\":\"schema-" + UUID.randomUUID() + "\",\"owner\":\"it\",\"scopes\":[\"entries:read\"]}",
                asBootstrap());
        String id = conforms("credential", created).getString("id");
        conforms("credential", get("api/v1/credentials/" + id, asBootstrap()));
        conforms("credential-list", get("api/v1/credentials", asBootstrap()));
        conforms("signing-key-list", get("api/v1/auth/signing-keys", asBootstrap()));
    }

    @Test
    void webhookSubscriptionsDeliveriesAndTheDeadLetterQueueConform() {
        String name = "schema-" + UUID.randomUUID();
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + WebhookReceiver.get().url(name, null) + "\",\"events\":[\"tag.*\"],\"description\":\""
                        + name + "\"}",
                asBootstrap());
        String id = conforms("webhook.subscription-secret", created)
                .getJsonObject("subscription")
                .getString("id");
        Api.send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), asBootstrap());
        JsonObject delivered = WebhookReceiver.get()
                .await(name, received -> !received.isEmpty())
                .get(0);
        conforms("webhook.event.webhook.test", delivered.getString("body"));
        conforms("webhook.subscription", get("api/v1/webhooks/subscriptions/" + id, asBootstrap()));
        conforms("webhook.subscription-list", get("api/v1/webhooks/subscriptions", asBootstrap()));
        JsonObject deliveries = conforms(
                "webhook.delivery-page", get("api/v1/webhooks/subscriptions/" + id + "/deliveries", asBootstrap()));
        assertFalse(deliveries.getJsonArray("data").isEmpty(), "the test event is a delivery");
        conforms("webhook.dead-letter-page", get("api/v1/webhooks/dlq", asBootstrap()));
        conforms(
                "webhook.subscription-secret",
                Api.send(
                        "POST",
                        "api/v1/webhooks/subscriptions/" + id + "/rotate-secret",
                        BodyPublishers.noBody(),
                        asBootstrap()));
    }

    @Test
    void theAuditTrailJobsAndTheContractDocumentsConform() {
        DemoData.await();
        conforms("audit-page", get("api/v1/audit?limit=20", asBootstrap()));
        conforms("audit-verification", Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap()));
        JsonObject imports = conforms("import-list", get("api/v1/imports?limit=5", asBootstrap()));
        long execution = imports.getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("executionId")
                .longValue();
        conforms("import-report", get("api/v1/imports/" + execution, asBootstrap()));
        HttpResponse<String> started = postJson("api/v1/diagnostics", "{\"note\":\"schema\"}", asBootstrap());
        assertEquals(202, started.statusCode(), started.body());
        conforms("diagnostic-run", started);
        HttpResponse<String> recent = get("api/v1/diagnostics", asBootstrap());
        conforms("diagnostic-run-list", recent);
        long diagnostic = Api.structure(recent.body())
                .asJsonObject()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonObject("execution")
                .getJsonNumber("executionId")
                .longValue();
        conforms("diagnostic-run", get("api/v1/diagnostics/" + diagnostic, asBootstrap()));
        conforms("job-list", get("api/v1/jobs", asBootstrap()));
        conforms("job-execution-page", get("api/v1/jobs/executions?limit=5", asBootstrap()));
        conforms("job-execution-detail", get("api/v1/jobs/executions/" + diagnostic, asBootstrap()));
        HttpResponse<String> failed = postJson("api/v1/jobs/probe-fail/start", "{}", asBootstrap());
        assertEquals(202, failed.statusCode(), failed.body());
        conforms("job-execution", failed);
        conforms("capabilities", get("api/v1/capabilities"));
        conforms("kek-status", get("api/v1/auth/key-encryption-keys", asBootstrap()));
        conforms("whoami", get("api/v1/auth/whoami", asBootstrap()));
        conforms("health", get("api/v1/health"));
        conforms("health", get("api/v1/readiness"));
        JsonObject bootstrap = Api.bootstrapCredential();
        conforms(
                "token",
                Api.tokenRequest(
                        bootstrap.getString("client_id"), bootstrap.getString("client_secret"), "entries:read"));
    }

    @Test
    void incidentsConform() {
        // Five unexpected failures reach the 5xx signal's warn threshold: at least one incident exists.
        for (int i = 0; i < 5; i++) {
            get("api/v1/_probe/failure");
        }
        JsonObject incidents = conforms("incident-list", get("api/v1/incidents", asBootstrap()));
        assertFalse(incidents.getJsonArray("data").isEmpty());
        String id = incidents.getJsonArray("data").getJsonObject(0).getString("id");
        conforms("incident", get("api/v1/incidents/" + id, asBootstrap()));
        conforms("lifecycle", get("api/v1/lifecycle", asBootstrap()));
        conforms("whoami", get("api/v1/auth/me", asBootstrap()));
        conforms("template-list", get("api/v1/templates", asBootstrap()));
        conforms("template", get("api/v1/templates/fix-failing-check", asBootstrap()));
        conforms("starter-pack-list", get("api/v1/starter-packs", asBootstrap()));
        conforms("starter-pack", get("api/v1/starter-packs/auditor", asBootstrap()));
    }

    /**
     * Every GET route {@code /capabilities} lists, with the schema its answer is checked against above; or why it has
     * none. A new route fails here until its answer is checked.
     */
    private static final Map<String, String> CHECKED_GETS = Map.ofEntries(
            Map.entry("/changes", "envelope.change-page"),
            Map.entry("/sync-state/checkpoint", "envelope.checkpoint"),
            Map.entry("/sync-state/lag", "envelope.lag-list"),
            Map.entry("/sync-state/lag/history", "envelope.lag-history"),
            Map.entry("/runs", "envelope.run-page"),
            Map.entry("/runs/{id}", "agent-task-run"),
            Map.entry("/runs/{id}/artifacts", "artifact-manifest"),
            Map.entry("/runs/{id}/artifacts/verify", "artifact-verification"),
            Map.entry("/agents", "envelope.agent-list"),
            Map.entry("/agents/{slug}", "agent"),
            Map.entry("/agents/{slug}/memory", "envelope.memory-page"),
            Map.entry("/agents/{slug}/memory/{key}", "memory-entry"),
            Map.entry("/sessions/{id}", "session"),
            Map.entry("/sessions/{id}/transcript", "envelope.transcript-page"),
            Map.entry("/credentials", "credential-list"),
            Map.entry("/credentials/{id}", "credential"),
            Map.entry("/auth/signing-keys", "signing-key-list"),
            Map.entry("/auth/key-encryption-keys", "kek-status"),
            Map.entry(
                    "/auth/metadata",
                    "none: RFC 8414 authorization server metadata, the standard's own format (OAuthDiscoveryIT)"),
            Map.entry("/auth/whoami", "whoami"),
            Map.entry("/webhooks/subscriptions", "webhook.subscription-list"),
            Map.entry("/webhooks/subscriptions/{id}", "webhook.subscription"),
            Map.entry("/webhooks/subscriptions/{id}/deliveries", "webhook.delivery-page"),
            Map.entry("/webhooks/dlq", "webhook.dead-letter-page"),
            Map.entry("/audit", "audit-page"),
            Map.entry("/imports", "import-list"),
            Map.entry("/imports/{executionId}", "import-report"),
            Map.entry("/diagnostics", "diagnostic-run-list"),
            Map.entry("/diagnostics/{executionId}", "diagnostic-run"),
            Map.entry("/incidents", "incident-list"),
            Map.entry("/lifecycle", "lifecycle"),
            Map.entry("/templates", "template-list"),
            Map.entry("/templates/{id}", "template"),
            Map.entry("/starter-packs", "starter-pack-list"),
            Map.entry("/starter-packs/{id}", "starter-pack"),
            Map.entry("/auth/me", "whoami"),
            Map.entry("/incidents/{id}", "incident"),
            Map.entry("/jobs", "job-list"),
            Map.entry("/jobs/executions", "job-execution-page"),
            Map.entry("/jobs/executions/{executionId}", "job-execution-detail"),
            Map.entry("/capabilities", "capabilities"),
            Map.entry("/health", "health"),
            Map.entry("/readiness", "health"),
            Map.entry("/schema", "schema-list"),
            Map.entry("/schema/{id}", "the draft 2020-12 meta-schema"),
            Map.entry("/auth/jwks", "none: a JWK Set (RFC 7517), the standard's own format"),
            Map.entry("/openapi.json", "none: the OpenAPI document, checked as OpenAPI"),
            Map.entry("/runs/{id}/artifacts.zip", "none: a zip"),
            Map.entry("/runs/{id}/events", "none: a text/event-stream of the run's events (RunEventsIT)"),
            Map.entry("/mcp", "none: a text/event-stream of JSON-RPC messages resuming a followed run (McpIT)"),
            Map.entry("/runs/{id}/artifacts/{path}", "none: a bundle's file, as it was written"),
            Map.entry("/control/policies", "control.policy-list"),
            Map.entry("/control/policies/{id}", "control.policy"),
            Map.entry("/control/approvals", "control.approval-list"),
            Map.entry("/control/approvals/{id}", "control.approval"),
            Map.entry("/control/executions", "control.execution-list"),
            Map.entry("/control/executions/{id}", "control.execution"),
            Map.entry("/control/audit", "audit-page"),
            Map.entry(
                    "/auth/protected-resource",
                    "none: RFC 9728 protected resource metadata, the standard's own format (McpIT)"));

    @Test
    void everyGetRouteHasItsAnswerChecked() {
        List<String> collections = json(get("api/v1/schema", asBootstrap())).getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .filter(id -> id.startsWith("collection."))
                .map(id -> "/" + id.substring("collection.".length()))
                .toList();
        List<String> unchecked = json(get("api/v1/capabilities")).getJsonArray("surfaces").stream()
                .flatMap(s -> s.asJsonObject().getJsonArray("routes").stream())
                .map(JsonValue::asJsonObject)
                .filter(route -> route.getString("method").equals("GET"))
                .map(route -> route.getString("path"))
                .filter(path -> !CHECKED_GETS.containsKey(path))
                .filter(path -> collections.stream().noneMatch(c -> path.equals(c) || path.equals(c + "/{id}")))
                .toList();
        assertTrue(unchecked.isEmpty(), "GET routes whose answers no schema checks: " + unchecked);
    }

    @Test
    void everyPublishedSchemaIsAValidDraft202012SchemaAndTheListConforms() {
        JsonObject list = conforms("schema-list", get("api/v1/schema", asBootstrap()));
        for (JsonValue entry : list.getJsonArray("data")) {
            String id = entry.asJsonObject().getString("id");
            List<Error> errors = PublishedSchemas.metaSchemaErrors(
                    get("api/v1/schema/" + id, asBootstrap()).body());
            assertTrue(errors.isEmpty(), id + " is not a valid draft 2020-12 schema: " + errors);
        }
    }

    @Test
    void aFieldTheSchemaLacksFails() {
        String body = get("api/v1/agents/demo", asBootstrap()).body();
        List<Error> errors = PublishedSchemas.errors("agent", body.replaceFirst("\\{", "{\"surprise\":1,"));
        assertTrue(
                errors.stream().anyMatch(e -> e.getMessage().contains("surprise")),
                "an unknown field is refused: " + errors);
    }

    /** The response is a 2xx and its body conforms to the published schema; returns the body. */
    private static JsonObject conforms(String schemaId, HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, schemaId + ": " + response.statusCode() + " " + response.body());
        conforms(schemaId, response.body());
        String body = response.body().strip();
        return body.startsWith("{") ? json(response) : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static void conforms(String schemaId, String body) {
        List<Error> errors = PublishedSchemas.errors(schemaId, body);
        assertTrue(errors.isEmpty(), schemaId + " rejects the API's own answer: " + errors + "\n" + abbreviated(body));
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
