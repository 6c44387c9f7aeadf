package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route {@code /capabilities} lists, walked with no token, a token without the route's scope
 * and a token with it. New routes join the matrix by being deployed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RouteScopeMatrixIT {

    @Test
    void everyRouteEnforcesExactlyTheScopesItPublishes() {
        JsonObject capabilities = json(get("api/v1/capabilities"));
        String apiRoot = capabilities.getString("apiRoot").substring(1);
        String[] scopeless = bearer(Api.tokenFor(createCredential("{\"name\":\"no scopes\",\"owner\":\"matrix\"}")));
        List<String> failures = new ArrayList<>();
        int walked = 0;

        for (JsonValue s : capabilities.getJsonArray("surfaces")) {
            for (JsonValue r : s.asJsonObject().getJsonArray("routes")) {
                JsonObject route = r.asJsonObject();
                String method = route.getString("method");
                String path = apiRoot + route.getString("path").replaceAll("\\{[^}]+}", "0");
                boolean authenticated = route.getBoolean("authenticated");
                boolean scoped = !route.getJsonArray("scopes").isEmpty();
                walked++;

                int anonymous = call(method, path).statusCode();
                if (authenticated && anonymous != 401) {
                    failures.add(method + " " + path + " without a token: " + anonymous);
                }
                if (!authenticated && (anonymous == 401 || anonymous == 403)) {
                    failures.add(method + " " + path + " is public but answered " + anonymous);
                }
                if (scoped) {
                    HttpResponse<String> denied = call(method, path, scopeless);
                    if (denied.statusCode() != 403
                            || !json(denied).getString("code").equals("scope_denied")) {
                        failures.add(method + " " + path + " without its scope: " + denied.statusCode());
                    }
                }
                if (authenticated) {
                    int allowed = call(method, path, asBootstrap()).statusCode();
                    if (allowed == 401 || allowed == 403) {
                        failures.add(method + " " + path + " with its scope: " + allowed);
                    }
                }
            }
        }

        assertTrue(walked >= 15, "walked " + walked + " routes");
        assertEquals(List.of(), failures);
    }

    @Test
    void everyScopeARouteNamesIsInTheScopeCatalog() {
        JsonObject capabilities = json(get("api/v1/capabilities"));
        List<String> catalog = capabilities.getJsonArray("scopes").stream()
                .map(v -> v.asJsonObject().getString("scope"))
                .toList();

        capabilities.getJsonArray("surfaces").stream()
                .flatMap(s -> s.asJsonObject().getJsonArray("routes").stream())
                .flatMap(r -> r.asJsonObject().getJsonArray("scopes").stream())
                .map(v -> ((jakarta.json.JsonString) v).getString())
                .forEach(scope -> assertTrue(catalog.contains(scope), scope));
        // The suite's server runs with governed writes on: their scopes are offered (off, they are hidden:
        // GovernedWritesTest).
        assertTrue(catalog.contains("control:actions:execute"), "control scopes offered while writes are on");
    }

    private static HttpResponse<String> call(String method, String path, String... headers) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        BodyPublisher publisher = body ? BodyPublishers.ofString("{}") : BodyPublishers.noBody();
        String[] all = body ? Api.with(headers, "Content-Type", "application/json") : headers;
        return Api.send(method, path, publisher, all);
    }
}
