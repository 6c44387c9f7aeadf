package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundle-verify job: a stored bundle damaged on disk is found and reported (audited, and fired as an
 * incident); the run and its bundle are left as they were, for whoever investigates.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BundleVerifyIT {

    @Test
    void aBundleDamagedOnDiskIsReportedAndLeftInPlace() {
        // A run whose bundle directory holds a manifest that no longer says what was sealed.
        String damaged = Api.send(
                        "POST",
                        "api/v1/_probe/retention/finished-run?days=1&retentionDays=30&bundleId=sha256:sealed",
                        BodyPublishers.noBody())
                .body();

        long execution = Jobs.start("bundle-verify", "{}");
        JsonObject done = Jobs.awaitStatus(execution, Jobs.FINISHED);

        assertEquals("COMPLETED", done.getJsonObject("execution").getString("status"), done.toString());
        assertTrue(done.getJsonArray("steps").getJsonObject(0).getInt("read") >= 1, done.toString());
        List<JsonObject> reported = Eventually.await(
                "the violation in the audit trail",
                Duration.ofSeconds(10),
                () -> Api.listed(get("api/v1/audit?action=run.bundle.violation&limit=200", asBootstrap())),
                list -> list.stream().anyMatch(a -> a.getString("target").equals(damaged)));
        assertFalse(reported.isEmpty());
        assertEquals(
                "true true",
                Api.send("POST", "api/v1/_probe/retention/run-exists?id=" + damaged, BodyPublishers.noBody())
                        .body());
        // And an incident for whoever is on call: one for the stored bundles, naming no run.
        JsonObject incident = Eventually.await(
                "an open bundle_violations incident",
                Duration.ofSeconds(10),
                () -> Api.listed(get("api/v1/incidents?status=open&limit=200", asBootstrap())).stream()
                        .filter(i -> i.getString("signal").equals("bundle_violations"))
                        .findFirst()
                        .orElse(null),
                i -> i != null);
        assertEquals("bundles", incident.getString("subject"), incident.toString());
        assertFalse(incident.toString().contains(damaged), incident.toString());
    }
}
