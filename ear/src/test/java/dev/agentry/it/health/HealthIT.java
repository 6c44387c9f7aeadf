package dev.agentry.it.health;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.probe.ReadinessProbe;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Test
    void healthIsUp() {
        HttpResponse<String> response = get("api/v1/health");

        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void readinessNamesEveryCheckAndEachIsUp() {
        HttpResponse<String> response = get("api/v1/readiness");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("UP", body.getString("status"));
        Map<String, String> checks = statesByName(body);
        assertEquals("UP", checks.get("database"));
        assertEquals("UP", checks.get("job-repository"));
        assertEquals("UP", checks.get("migrations"));
        assertEquals("UP", checks.get("signing-key"));
    }

    @Test
    void migrationsReportTheAppliedVersionAndNothingPending() {
        JsonObject migrations = json(get("api/v1/readiness")).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("migrations"))
                .findFirst()
                .orElseThrow();

        assertEquals(0, migrations.getJsonObject("data").getInt("pending"));
        assertTrue(migrations.getJsonObject("data").getInt("applied") >= 1);
    }

    @Test
    void aFailingCheckMakesReadiness503NamingIt() {
        switchProbe("down");
        try {
            HttpResponse<String> response = get("api/v1/readiness");

            JsonObject problem = assertProblem(response, 503, "service_unavailable");
            assertTrue(problem.getString("detail").contains(ReadinessProbe.NAME), problem.getString("detail"));
            Map<String, String> checks = statesByName(problem);
            assertEquals("DOWN", checks.get(ReadinessProbe.NAME));
            assertEquals("UP", checks.get("database"), "the healthy checks are still reported");
        } finally {
            switchProbe("up");
        }
        assertEquals(200, get("api/v1/readiness").statusCode());
    }

    @Test
    void theSameChecksAreWiredIntoMicroProfileHealth() {
        HttpResponse<String> response =
                Api.send(Api.management().resolve("health/ready"), "GET", BodyPublishers.noBody());

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> checks = statesByName(json(response));
        assertEquals("UP", checks.get("database"));
        assertEquals("UP", checks.get("job-repository"));
        assertEquals("UP", checks.get("migrations"));
    }

    private static void switchProbe(String state) {
        assertEquals(
                204,
                Api.send("PUT", "api/v1/_probe/readiness/" + state, BodyPublishers.noBody())
                        .statusCode());
    }

    private static Map<String, String> statesByName(JsonObject body) {
        return body.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }
}
