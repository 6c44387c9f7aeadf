package dev.agentry.it.diagnostics;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.AgentryEar;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Management;
import dev.agentry.it.harness.SuiteDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch wiring end to end: a job started through the API runs on JBeret, writes into the
 * application's database (H2's file, or PostgreSQL under -Ppostgresql), and its execution lives in the
 * JDBC job repository, so both survive a redeploy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiagnosticsJobIT {

    @ArquillianResource
    AgentryEar ear;

    @Test
    void aRunCompletesRecordsWhatItSawAndSurvivesARedeploy() throws Exception {
        String note = "it-" + UUID.randomUUID();

        HttpResponse<String> started = postJson("api/v1/diagnostics", "{\"note\":\"" + note + "\"}", asBootstrap());

        assertEquals(202, started.statusCode(), started.body());
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        long executionId = json(started)
                .getJsonObject("execution")
                .getJsonNumber("executionId")
                .longValue();
        assertTrue(location.getPath().endsWith("/api/v1/diagnostics/" + executionId), location.toString());

        JsonObject run = awaitFinished(executionId);
        assertEquals("COMPLETED", run.getJsonObject("execution").getString("status"), run.toString());
        JsonObject finding = run.getJsonObject("record");
        assertEquals(note, finding.getString("note"));
        assertEquals(appliedSchemaVersion(), finding.getString("schemaVersion"));
        assertTrue(finding.getString("databaseProduct").startsWith(SuiteDatabase.product()), finding.toString());
        assertTrue(listed(executionId), "the run is listed");

        ear.redeploy();

        JsonObject after = json(get("api/v1/diagnostics/" + executionId, asBootstrap()));
        assertEquals("COMPLETED", after.getJsonObject("execution").getString("status"));
        assertEquals(note, after.getJsonObject("record").getString("note"), "the data is still in the database");
        assertTrue(listed(executionId), "the run is still listed");
    }

    @Test
    void theApplicationsDatabaseIsAnH2FileInTheServersDataDirectoryUnlessItIsPostgresql() {
        Path database = Path.of(System.getProperty("it.data-dir"), "agentry", "agentry.mv.db");

        // On PostgreSQL (-Ppostgresql) the datasource points at the cluster: no H2 file may appear.
        assertEquals(!SuiteDatabase.postgresql(), Files.isRegularFile(database), database + " exists");
    }

    @Test
    void theServersDefaultJobRepositoryIsJdbcOnItsOwnDatasource() {
        ModelNode read = Management.operation("read-attribute", "subsystem", "batch-jberet");
        read.get("name").set("default-job-repository");
        String repository = Management.execute(read).asString();

        ModelNode jdbc = Management.execute(
                Management.operation("read-resource", "subsystem", "batch-jberet", "jdbc-job-repository", repository));

        assertEquals("AgentryBatchDS", jdbc.get("data-source").asString());
    }

    @Test
    void anUnknownRunIsNotFound() {
        Api.assertProblem(get("api/v1/diagnostics/987654321", asBootstrap()), 404, "not_found");
    }

    private static String appliedSchemaVersion() {
        return json(get("api/v1/readiness")).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("migrations"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data")
                .getString("version");
    }

    private static boolean listed(long executionId) {
        return Api.listed(get("api/v1/diagnostics?limit=100", asBootstrap())).stream()
                .anyMatch(r -> r.getJsonObject("execution")
                                .getJsonNumber("executionId")
                                .longValue()
                        == executionId);
    }

    private static JsonObject awaitFinished(long executionId) {
        return Eventually.await(
                "diagnostics execution " + executionId + " finished",
                Duration.ofSeconds(60),
                () -> json(get("api/v1/diagnostics/" + executionId, asBootstrap())),
                DiagnosticsJobIT::finished);
    }

    private static boolean finished(JsonObject run) {
        String status = run.getJsonObject("execution").getString("status");
        return status.equals("COMPLETED")
                || status.equals("FAILED")
                || status.equals("STOPPED")
                || status.equals("ABANDONED");
    }
}
