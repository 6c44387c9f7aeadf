package dev.agentry.it.openapi;

import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
     * The success answers without a body besides the 204s, as {@code operationId status}: an MCP notification or
     * response accepted. Every other success answer names a typed body.
     */
    private static final Set<String> NO_BODY = Set.of("mcpPost 202");

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

    /**
     * Every success answer is typed: a 204, or one of {@link #NO_BODY}, has no body; any other has one in every media
     * type it names, and its schema is a component or a typed schema, never a bare {@code {"type":"object"}}.
     */
    @Test
    void everySuccessAnswerIsTypedOrHasNoBody() {
        List<String> wrong = new ArrayList<>();
        Set<String> bodiless = new HashSet<>();
        forEachOperation((name, operation) -> operation
                .getJsonObject("responses")
                .forEach((code, response) -> {
                    if (!code.startsWith("2")) {
                        return;
                    }
                    String answer = operation.getString("operationId") + " " + code;
                    JsonObject content = response.asJsonObject().getJsonObject("content");
                    boolean none = content == null || content.isEmpty();
                    if (code.equals("204") || NO_BODY.contains(answer)) {
                        bodiless.add(answer);
                        if (!none) {
                            wrong.add(name + " " + code + " has a body, stated as having none");
                        }
                        return;
                    }
                    if (none) {
                        wrong.add(name + " " + code + " names no body");
                        return;
                    }
                    content.forEach((type, media) -> {
                        if (!typed(media.asJsonObject().getJsonObject("schema"))) {
                            wrong.add(name + " " + code + " " + type + " is untyped");
                        }
                    });
                }));
        assertEquals(List.of(), wrong);
        assertTrue(bodiless.containsAll(NO_BODY), () -> "NO_BODY names only real answers: " + NO_BODY);
    }

    /** A reference to a component, or a schema with a type; an object only with its properties. */
    private static boolean typed(JsonObject schema) {
        if (schema == null || schema.isEmpty()) {
            return false;
        }
        if (schema.containsKey("$ref")) {
            return true;
        }
        JsonValue type = schema.get("type");
        if (type == null) {
            return false;
        }
        boolean object = type instanceof JsonString single
                ? single.getString().equals("object")
                : type.asJsonArray().contains(Json.createValue("object"));
        return !object
                || !schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT)
                        .asJsonObject()
                        .isEmpty();
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

    /**
     * A status filter is an enum the document lists with the values the API writes, and a value outside it is a
     * {@code validation_failed} problem naming the parameter (not a 500, a 404 or an empty page).
     */
    @Test
    void enumParametersListTheirValuesAndRefuseOthers() {
        JsonObject paths = document().getJsonObject("paths");
        assertTrue(enumeration(paths, "/api/v1/runs", "status").containsAll(List.of("queued", "timed_out")));
        assertTrue(enumeration(paths, "/api/v1/jobs/executions", "status").contains("COMPLETED"));
        assertEquals(
                List.of("pending", "approved", "rejected", "expired"),
                enumeration(paths, "/api/v1/control/approvals", "status"));
        assertEquals(List.of("open", "resolved"), enumeration(paths, "/api/v1/incidents", "status"));
        assertEquals(List.of("warn", "critical"), enumeration(paths, "/api/v1/incidents", "severity"));
        List<String> refused = new ArrayList<>();
        paths.forEach((path, item) -> {
            JsonObject get = item.asJsonObject().getJsonObject("get");
            if (get == null || path.contains("{") || !get.containsKey("parameters")) {
                return;
            }
            for (JsonValue value : get.getJsonArray("parameters")) {
                JsonObject parameter = value.asJsonObject();
                JsonObject schema = parameter.getJsonObject("schema");
                if ("query".equals(parameter.getString("in")) && schema != null && schema.containsKey("enum")) {
                    String name = parameter.getString("name");
                    assertEquals(
                            Set.of(name + ":invalid"),
                            Api.fieldErrors(get(path.substring(1) + "?" + name + "=not-a-value", Api.asBootstrap())),
                            path);
                    refused.add(path + " " + name);
                }
            }
        });
        assertTrue(refused.size() >= 5, () -> "enum parameters: " + refused);
    }

    private static List<String> enumeration(JsonObject paths, String path, String name) {
        return paths.getJsonObject(path).getJsonObject("get").getJsonArray("parameters").stream()
                .map(JsonValue::asJsonObject)
                .filter(parameter -> parameter.getString("name").equals(name))
                .findFirst()
                .map(parameter -> parameter.getJsonObject("schema").getJsonArray("enum").stream()
                        .map(v -> ((JsonString) v).getString())
                        .toList())
                .orElseThrow(() -> new AssertionError(path + " has no parameter " + name));
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
                        "Problem",
                        "ImportStarted",
                        "RewrapStarted",
                        "TestSent",
                        "NotReady")),
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

    /**
     * The published schemas and the document agree on integer widths: every integer a component states has its
     * format, int64 for a Java long (a generated client reads it as a Long) and int32 for an int.
     */
    @Test
    void everyIntegerStatesItsWidth() {
        JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
        List<String> unsized = new ArrayList<>();
        schemas.forEach((name, schema) -> integers(name, schema, unsized));
        assertEquals(List.of(), unsized);
        assertEquals(
                "int64",
                schemas.getJsonObject("RewrapStarted")
                        .getJsonObject("properties")
                        .getJsonObject("rewrapJobExecutionId")
                        .getString("format"));
        assertEquals(
                "int32",
                schemas.getJsonObject("Problem")
                        .getJsonObject("properties")
                        .getJsonObject("status")
                        .getString("format"));
        assertEquals(
                "int64",
                json(get("api/v1/schema/import-started", Api.asBootstrap()))
                        .getJsonObject("properties")
                        .getJsonObject("execution")
                        .getJsonObject("properties")
                        .getJsonObject("executionId")
                        .getString("format"));
    }

    private static void integers(String where, JsonValue node, List<String> unsized) {
        if (node instanceof JsonObject schema) {
            JsonValue type = schema.get("type");
            boolean integer = type instanceof JsonString single
                    ? single.getString().equals("integer")
                    : type != null
                            && type.getValueType() == JsonValue.ValueType.ARRAY
                            && type.asJsonArray().contains(Json.createValue("integer"));
            if (integer && !Set.of("int32", "int64").contains(schema.getString("format", ""))) {
                unsized.add(where);
            }
            schema.forEach((key, member) -> integers(where + "/" + key, member, unsized));
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                integers(where + "/" + i, array.get(i), unsized);
            }
        }
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
