package dev.agentry.it.contracts;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.PublishedSchemas;
import dev.agentry.it.harness.WebhookReceiver;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request side of the contracts: a body the API accepts conforms to the schema {@code /schema} publishes for
 * it, and a body it refuses as {@code validation_failed} for a rule the schema states (a member it does not know, a
 * wrong type, a limit, a pattern) does not — and the refusal itself conforms to the {@code problem} schema. The
 * request schemas are generated from the same records and constraints that bind and validate the bodies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestSchemaIT {

    @Test
    void credentialRequests() {
        String name = "request-" + UUID.randomUUID();
        accepted(
                "credential-request",
                "{\"name\":\"" + name + "\",\"owner\":\"it\",\"scopes\":[\"entries:read\"],\"ttlDays\":30}",
                body -> postJson("api/v1/credentials", body, asBootstrap()));
        refused(
                "credential-request",
                "{\"name\":\"" + name + "\",\"owner\":\"it\",\"surprise\":true}",
                body -> postJson("api/v1/credentials", body, asBootstrap()));
        refused(
                "credential-request",
                "{\"name\":\"" + name + "\",\"owner\":\"it\",\"ttlDays\":0}",
                body -> postJson("api/v1/credentials", body, asBootstrap()));
        refused(
                "credential-request",
                "{\"name\":\"" + "n".repeat(101) + "\",\"owner\":\"it\"}",
                body -> postJson("api/v1/credentials", body, asBootstrap()));
    }

    @Test
    void agentRequests() {
        String slug = "request-" + UUID.randomUUID().toString().substring(0, 8);
        accepted(
                "agent-request",
                "{\"slug\":\"" + slug + "\",\"label\":\"Request\",\"toolPolicy\":{\"actions\":"
                        + "{\"workspace.read\":\"preview\"}},\"metadata\":{\"owner\":\"it\"}}",
                body -> postJson("api/v1/agents", body, asBootstrap()));
        accepted(
                "agent-request",
                "{\"label\":\"Request, changed\"}",
                body -> Api.send(
                        "PATCH",
                        "api/v1/agents/" + slug,
                        BodyPublishers.ofString(body),
                        Api.with(asBootstrap(), "Content-Type", "application/json")));
        refused(
                "agent-request",
                "{\"slug\":\"Not A Slug\",\"label\":\"Request\"}",
                body -> postJson("api/v1/agents", body, asBootstrap()));
        refused(
                "agent-request",
                "{\"slug\":\"" + slug + "-2\",\"label\":\"Request\",\"instructions\":7}",
                body -> postJson("api/v1/agents", body, asBootstrap()));
        refused(
                "agent-request",
                "{\"slug\":\"" + slug + "-3\",\"label\":\"Request\",\"toolPolicy\":{\"actions\":"
                        + "{\"workspace.read\":\"sometimes\"}}}",
                body -> postJson("api/v1/agents", body, asBootstrap()));
    }

    @Test
    void webhookSubscriptionAndReplayRequests() {
        String url = WebhookReceiver.get().url("request-" + UUID.randomUUID(), null);
        accepted(
                "webhook.subscription-request",
                "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"],\"description\":\"request schema\"}",
                body -> postJson("api/v1/webhooks/subscriptions", body, asBootstrap()));
        refused(
                "webhook.subscription-request",
                "{\"url\":\"" + url + "\",\"events\":[]}",
                body -> postJson("api/v1/webhooks/subscriptions", body, asBootstrap()));
        refused(
                "webhook.subscription-request",
                "{\"url\":\"" + url + "\",\"events\":[\"tag.*\"],\"secret\":\"mine\"}",
                body -> postJson("api/v1/webhooks/subscriptions", body, asBootstrap()));

        // An id no dead letter has: accepted, and answered with a not_found entry, replaying nothing.
        accepted(
                "webhook.replay-request",
                "{\"ids\":[\"dl-" + UUID.randomUUID() + "\"]}",
                body -> postJson("api/v1/webhooks/dlq/replay", body, asBootstrap()));
        refused(
                "webhook.replay-request",
                "{\"ids\":[]}",
                body -> postJson("api/v1/webhooks/dlq/replay", body, asBootstrap()));
        refused(
                "webhook.replay-request",
                "{\"ids\":[\"a\"],\"all\":true}",
                body -> postJson("api/v1/webhooks/dlq/replay", body, asBootstrap()));
    }

    @Test
    void checkpointRequests() {
        String cursor = json(Api.get("api/v1/changes?limit=1", asBootstrap())).getString("nextCursor");
        Sender put = body -> Api.send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString(body),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        accepted(
                "sync.checkpoint-request",
                "{\"consumer\":\"request-schema\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor
                        + "\",\"metadata\":{\"host\":\"worker-1\"}}",
                put);
        refused("sync.checkpoint-request", "{\"consumer\":\"request-schema\",\"resourceType\":\"tags\"}", put);
        refused(
                "sync.checkpoint-request",
                "{\"consumer\":\"request-schema\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor + "\",\"extra\":1}",
                put);
        refused(
                "sync.checkpoint-request",
                "{\"consumer\":\"request-schema\",\"resourceType\":\"tags\",\"cursor\":\"" + cursor
                        + "\",\"metadata\":[1]}",
                put);
    }

    private interface Sender {
        HttpResponse<String> send(String body);
    }

    private static void accepted(String schemaId, String body, Sender sender) {
        assertEquals(
                "[]",
                PublishedSchemas.errors(schemaId, body).toString(),
                () -> schemaId + " refuses a body the API accepts: " + body);
        HttpResponse<String> response = sender.send(body);
        assertEquals(2, response.statusCode() / 100, () -> "the API refuses " + body + ": " + response.body());
    }

    private static void refused(String schemaId, String body, Sender sender) {
        assertFalse(
                PublishedSchemas.errors(schemaId, body).isEmpty(),
                () -> schemaId + " accepts a body the API refuses: " + body);
        HttpResponse<String> response = sender.send(body);
        Api.assertProblem(response, 400, "validation_failed");
        assertTrue(json(response).getJsonArray("errors").size() > 0, response::body);
        assertEquals(
                "[]",
                PublishedSchemas.errors("problem", response.body()).toString(),
                () -> "the refusal is a problem document: " + response.body());
    }
}
