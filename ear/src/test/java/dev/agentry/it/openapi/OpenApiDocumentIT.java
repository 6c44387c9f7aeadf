package dev.agentry.it.openapi;

import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The served OpenAPI document is one a client generator can use (issue 14, section 2). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /**
     * Operations whose body is still a hand-built JsonObject (runs, agents, the JSON Schemas): each
     * becomes typed with its record, and then leaves this list.
     */
    private static final Set<String> UNTYPED_BODIES = Set.of(
            "agentsList",
            "agentsOne",
            "agentsUpdate",
            "runsList",
            "runsOne",
            "runsCancel",
            "runsManifest",
            "schemaList",
            "schemaOne");

    @Test
    void everyOperationHasAUniqueIdASummaryProblemsAndASecurityRequirement() {
        Set<String> ids = new HashSet<>();
        forEachOperation((name, operation) -> {
            assertTrue(ids.add(operation.getString("operationId")), () -> name + " has a unique operationId");
            assertFalse(operation.getString("summary", "").isBlank(), () -> name + " has a summary");
            assertTrue(operation.containsKey("security"), () -> name + " states its security");
            assertTrue(
                    operation.getJsonObject("responses").keySet().stream().anyMatch(code -> code.startsWith("4")),
                    () -> name + " documents its problems");
        });
        assertTrue(ids.size() > 60, "operations: " + ids.size());
    }

    @Test
    void everyProblemIsAProblemDocument() {
        JsonObject document = document();
        forEachOperation((name, operation) -> operation
                .getJsonObject("responses")
                .forEach((code, response) -> {
                    if (!code.startsWith("4") && !code.startsWith("5") || name.equals("POST /api/v1/auth/token")) {
                        return;
                    }
                    JsonObject resolved = resolve(document, response.asJsonObject());
                    JsonObject content = resolved.getJsonObject("content");
                    assertNotNull(content, () -> name + " " + code + " has a body");
                    assertTrue(
                            content.containsKey("application/problem+json"), () -> name + " " + code + ": " + content);
                }));
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    }

    @Test
    void eachOperationAnswersItsExactSuccessStatus() {
        JsonObject paths = document().getJsonObject("paths");

        assertEquals(Set.of("201"), successes(paths, "/api/v1/credentials", "post"));
        assertEquals(Set.of("204"), successes(paths, "/api/v1/credentials/{id}", "delete"));
        assertEquals(Set.of("202"), successes(paths, "/api/v1/imports", "post"));
        assertEquals(Set.of("202"), successes(paths, "/api/v1/imports/{executionId}/restart", "post"));
        assertEquals(Set.of("202"), successes(paths, "/api/v1/runs", "post"));
        assertEquals(Set.of("201"), successes(paths, "/api/v1/agents", "post"));
        assertEquals(Set.of("201"), successes(paths, "/api/v1/webhooks/subscriptions", "post"));
        assertEquals(Set.of("204"), successes(paths, "/api/v1/webhooks/subscriptions/{id}", "delete"));
        assertEquals(Set.of("202"), successes(paths, "/api/v1/diagnostics", "post"));
    }

    @Test
    void successBodiesAreTypedNotBareObjects() {
        List<String> bare = new ArrayList<>();
        forEachOperation((name, operation) -> operation
                .getJsonObject("responses")
                .forEach((code, response) -> {
                    JsonObject content = response.asJsonObject().getJsonObject("content");
                    if (!code.startsWith("2")
                            || content == null
                            || UNTYPED_BODIES.contains(operation.getString("operationId"))) {
                        return;
                    }
                    content.forEach((type, media) -> {
                        JsonObject schema = media.asJsonObject().getJsonObject("schema");
                        if (schema == null || schema.isEmpty() || schema.equals(object("{\"type\":\"object\"}"))) {
                            bare.add(name + " " + code + " " + type);
                        }
                    });
                }));
        assertEquals(List.of(), bare);
    }

    @Test
    void parametersAreTypedAndUploadsNameTheirMediaTypes() {
        JsonObject paths = document().getJsonObject("paths");
        forEachOperation((name, operation) -> {
            for (JsonValue value : operation.containsKey("parameters")
                    ? operation.getJsonArray("parameters")
                    : JsonValue.EMPTY_JSON_ARRAY) {
                JsonObject parameter = value.asJsonObject();
                JsonObject schema = parameter.getJsonObject("schema");
                String parameterName = parameter.getString("name");
                if (parameterName.equals("limit")) {
                    assertEquals("integer", schema.getString("type"), name);
                    assertEquals(1, schema.getInt("minimum"), name);
                    assertTrue(schema.containsKey("maximum"), name);
                }
                if (parameterName.matches("since|until|.*Since|.*Before")) {
                    assertEquals("date-time", schema.getString("format", null), () -> name + " " + parameterName);
                }
            }
            JsonObject body = operation.getJsonObject("requestBody");
            if (body != null) {
                assertFalse(body.getJsonObject("content").containsKey("*/*"), () -> name + " names its media types");
            }
        });
        assertEquals(
                Set.of("application/x-ndjson", "text/csv"),
                paths.getJsonObject("/api/v1/imports")
                        .getJsonObject("post")
                        .getJsonObject("requestBody")
                        .getJsonObject("content")
                        .keySet());
    }

    @Test
    void theOAuthSchemeOffersEveryScopeCapabilitiesLists() {
        JsonObject scheme = document()
                .getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("oauth2");
        assertEquals("oauth2", scheme.getString("type"));
        JsonObject flow = scheme.getJsonObject("flows").getJsonObject("clientCredentials");
        assertEquals("/api/v1/auth/token", flow.getString("tokenUrl"));
        Map<String, String> offered = json(get("api/v1/capabilities")).getJsonArray("scopes").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(s -> s.getString("scope"), s -> s.getString("description")));
        Map<String, String> documented = flow.getJsonObject("scopes").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
        assertEquals(offered, documented);

        JsonObject paths = document().getJsonObject("paths");
        assertEquals(
                object("{\"oauth2\":[\"credentials:manage\"]}"),
                paths.getJsonObject("/api/v1/credentials")
                        .getJsonObject("get")
                        .getJsonArray("security")
                        .get(0));
        assertEquals(
                object("{\"oauth2\":[\"entries:read\"]}"),
                paths.getJsonObject("/api/v1/entries")
                        .getJsonObject("get")
                        .getJsonArray("security")
                        .get(0));
        assertFalse(document().containsKey("externalDocs")
                && document().getJsonObject("externalDocs").isEmpty());
    }

    /**
     * Contracts stated once: every component schema that is a published contract (it carries the {@code $id} of
     * one) is exactly the schema {@code /schema/{id}} serves, and pages are named after what they list.
     */
    @Test
    void eachContractComponentIsThePublishedSchemaOfItsContract() {
        JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
        List<String> contracts = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            String id = schema.asJsonObject().getString("$id", null);
            if (id != null) {
                contracts.add(name);
                assertEquals(
                        json(get("api/v1/schema/" + id, Api.asBootstrap())),
                        schema,
                        () -> name + " is not the published schema " + id);
            }
        });
        assertTrue(
                contracts.containsAll(List.of(
                        "ChangePage",
                        "CredentialPage",
                        "CredentialView",
                        "RunPage",
                        "TaskRequest",
                        "TokenResponse",
                        "EntryRecord",
                        "ProductRecord",
                        "AgentRequest",
                        "CredentialRequest",
                        "SubscriptionRequest",
                        "ReplayRequest",
                        "Problem")),
                () -> "contract components: " + contracts);
        assertEquals(
                List.of(),
                schemas.keySet().stream()
                        .filter(name -> name.matches("Page[A-Z].*")
                                && schemas.getJsonObject(name)
                                        .getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT)
                                        .asJsonObject()
                                        .containsKey("nextCursor"))
                        .toList(),
                "a page is named after what it lists, not after its generic type");
        assertEquals(
                object("{\"type\":[\"string\",\"null\"]}"),
                schemas.getJsonObject("ChangePage").getJsonObject("properties").getJsonObject("nextCursor"),
                "nextCursor is null on the last page");
    }

    private static JsonObject object(String text) {
        return (JsonObject) Api.structure(text);
    }

    private static Set<String> successes(JsonObject paths, String path, String method) {
        return paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses").keySet().stream()
                .filter(code -> code.startsWith("2"))
                .collect(Collectors.toSet());
    }

    private static JsonObject resolve(JsonObject document, JsonObject response) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").substring("#/components/responses/".length());
        return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    private static void forEachOperation(BiConsumer<String, JsonObject> check) {
        document().getJsonObject("paths").forEach((path, item) -> {
            if (path.contains("/_probe")) {
                return; // the suite's test probes are not part of the API
            }
            item.asJsonObject().forEach((method, operation) -> {
                if (METHODS.contains(method)) {
                    check.accept(method.toUpperCase(Locale.ROOT) + " " + path, operation.asJsonObject());
                }
            });
        });
    }

    private static JsonObject document() {
        return json(get("api/v1/openapi.json"));
    }
}
