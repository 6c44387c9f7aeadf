package dev.agentry.it.contracts;

import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /openapi.json} and {@code /capabilities}: valid, complete and in agreement. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractDescriptorsIT {

    @Test
    void theOpenApiDocumentIsOpenApi3Json() {
        HttpResponse<String> response = get("api/v1/openapi.json");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith("application/json"));
        JsonObject document = json(response);
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        assertEquals("Agentry", document.getJsonObject("info").getString("title"));
        assertFalse(document.getJsonObject("info").getString("version").isBlank());
        assertEquals("/", document.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    }

    @Test
    void theOpenApiDocumentHasTheApisPaths() {
        Set<String> paths = openApiPaths();

        for (String path :
                List.of("/api/v1/health", "/api/v1/readiness", "/api/v1/capabilities", "/api/v1/diagnostics")) {
            assertTrue(paths.contains(path), () -> path + " in " + paths);
        }
    }

    @Test
    void everyRouteInCapabilitiesIsDocumentedInOpenApiWithItsMethod() {
        JsonObject paths = json(get("api/v1/openapi.json")).getJsonObject("paths");
        String apiRoot = json(get("api/v1/capabilities")).getString("apiRoot");
        List<JsonObject> routes = routes();

        assertTrue(routes.size() >= 7, "routes: " + routes);
        for (JsonObject route : routes) {
            String path = apiRoot + route.getString("path");
            assertTrue(paths.containsKey(path), () -> path + " documented");
            assertTrue(
                    paths.getJsonObject(path)
                            .containsKey(route.getString("method").toLowerCase(Locale.ROOT)),
                    () -> route + " documented with its method");
        }
    }

    @Test
    void capabilitiesListSurfacesWithStabilityAndTheRoutesOfEach() {
        JsonObject capabilities = json(get("api/v1/capabilities"));

        assertEquals("v1", capabilities.getString("apiVersion"));
        JsonObject readSync = surface(capabilities, "read-sync");
        assertEquals("stable", readSync.getString("stability"));
        Set<String> routes = readSync.getJsonArray("routes").stream()
                .map(JsonValue::asJsonObject)
                .map(r -> r.getString("method") + " " + r.getString("path"))
                .collect(Collectors.toSet());
        assertTrue(routes.containsAll(Set.of("GET /health", "GET /readiness", "GET /auth/whoami")), routes.toString());
    }

    @Test
    void capabilitiesServeTheWholeErrorCodeCatalog() {
        List<String> codes = json(get("api/v1/capabilities")).getJsonArray("errorCodes").stream()
                .map(JsonValue::asJsonObject)
                .map(c -> c.getString("code"))
                .toList();

        assertEquals(27, codes.size());
        assertTrue(codes.containsAll(List.of(
                "not_found",
                "method_not_allowed",
                "not_acceptable",
                "unsupported_media_type",
                "payload_too_large",
                "validation_failed",
                "internal",
                "service_unavailable")));
    }

    @Test
    void capabilitiesStateLimitsFlagsAndSchemaIdsAndBothDescriptorsAnswerAtTheApiRootToo() {
        HttpResponse<String> versioned = get("api/v1/capabilities");
        JsonObject capabilities = json(versioned);
        java.util.Map<String, Integer> limits = new java.util.HashMap<>();
        capabilities
                .getJsonArray("limits")
                .forEach(l -> limits.put(
                        l.asJsonObject().getString("name"), l.asJsonObject().getInt("value")));
        assertEquals(200, limits.get("page.limit"));
        assertEquals(1_048_576, limits.get("request.body"));
        assertEquals(600, limits.get("rate.per-credential"));
        assertEquals(4, limits.get("runs.concurrent"), "as the test server configures it");
        // Each limit names the surface it bounds (or every one), and every surface that takes input has its own.
        Set<String> surfaces = capabilities.getJsonArray("surfaces").stream()
                .map(v -> v.asJsonObject().getString("name"))
                .collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, Set<String>> bySurface = new java.util.HashMap<>();
        capabilities
                .getJsonArray("limits")
                .forEach(l -> bySurface
                        .computeIfAbsent(l.asJsonObject().getString("surface"), k -> new java.util.TreeSet<>())
                        .add(l.asJsonObject().getString("name")));
        assertTrue(
                surfaces.containsAll(bySurface.keySet().stream()
                        .filter(surface -> !surface.equals("*"))
                        .toList()),
                bySurface::toString);
        assertTrue(bySurface.get("*").containsAll(Set.of("page.limit", "request.body", "rate.per-credential")));
        for (String surface : surfaces) {
            if (!surface.equals("contract-descriptors")) {
                assertTrue(bySurface.containsKey(surface), () -> surface + " states no limit of its own: " + bySurface);
            }
        }
        assertTrue(bySurface.get("runs").containsAll(Set.of("runs.concurrent", "runs.turns", "runs.archive.bytes")));
        assertEquals(100, limits.get("webhooks.subscription.events"));
        assertEquals(
                "governed-writes",
                capabilities.getJsonArray("flags").getJsonObject(0).getString("name"));
        List<String> schemas = capabilities.getJsonArray("schemas").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
        assertTrue(
                schemas.containsAll(List.of("incident", "lifecycle", "capabilities", "collection.entries")),
                schemas::toString);
        for (String id : List.of("incident", "lifecycle")) {
            assertEquals(200, get("api/v1/schema/" + id, Api.asBootstrap()).statusCode(), id);
        }

        HttpResponse<String> atRoot = get("api/capabilities");
        assertEquals(200, atRoot.statusCode(), atRoot.body());
        assertEquals(capabilities, json(atRoot));
        HttpResponse<String> openApi = get("api/openapi.json");
        assertEquals(200, openApi.statusCode());
        assertEquals(json(get("api/v1/openapi.json")), json(openApi));
    }

    @Test
    void testProbesAreNotPartOfTheContract() {
        assertTrue(routes().stream().noneMatch(r -> r.getString("path").contains("_probe")));
    }

    private static Set<String> openApiPaths() {
        return json(get("api/v1/openapi.json")).getJsonObject("paths").keySet();
    }

    private static List<JsonObject> routes() {
        return json(get("api/v1/capabilities")).getJsonArray("surfaces").stream()
                .map(JsonValue::asJsonObject)
                .flatMap(s -> s.getJsonArray("routes").stream().map(JsonValue::asJsonObject))
                .toList();
    }

    private static JsonObject surface(JsonObject capabilities, String name) {
        return capabilities.getJsonArray("surfaces").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no surface " + name));
    }
}
