package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.AgentryEar;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.probe.ProbeJobs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schedules: a job fires on its cron schedule, a tick that finds the previous execution still running is
 * skipped (so two never overlap, also against a start through the API), and a fire time that passed while
 * the server was down runs once at the next start, not again at the one after; a last firing stored in the
 * future (a clock stepped forward and back) is taken for now at start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobSchedulesIT {

    @ArquillianResource
    AgentryEar ear;

    @Test
    void aScheduledJobFiresRepeatedlyAndItsExecutionsNeverOverlap() {
        Instant since = Instant.now();
        // Every two seconds, each running 2.5 s: without the one-at-a-time rule they would overlap.
        List<JsonObject> finished = Eventually.await(
                "three finished ticks",
                Duration.ofSeconds(40),
                () -> Jobs.executions("job=" + ProbeJobs.TICK + "&status=COMPLETED&since=" + since),
                list -> list.size() >= 3);

        List<JsonObject> ordered = finished.stream()
                .sorted(Comparator.comparing(e -> Instant.parse(e.getString("startedAt"))))
                .toList();
        for (int i = 1; i < ordered.size(); i++) {
            Instant previousEnd = Instant.parse(ordered.get(i - 1).getString("endedAt"));
            Instant start = Instant.parse(ordered.get(i).getString("startedAt"));
            assertTrue(!start.isBefore(previousEnd), "overlap: " + ordered.get(i - 1) + " and " + ordered.get(i));
        }
    }

    @Test
    void aStartThroughTheApiIsRefusedWhileTheScheduledExecutionRuns() {
        JsonObject running = Eventually.await(
                        "a running tick",
                        Duration.ofSeconds(20),
                        () -> Jobs.executions("job=" + ProbeJobs.TICK + "&status=STARTED"),
                        list -> !list.isEmpty())
                .get(0);

        assertProblem(postJson("api/v1/jobs/" + ProbeJobs.TICK + "/start", "{}", asBootstrap()), 409, "conflict");
        assertTrue(Jobs.executions("job=" + ProbeJobs.TICK + "&status=STARTED").stream()
                .allMatch(e -> Jobs.id(e) == Jobs.id(running)));
    }

    @Test
    void aFireTimeMissedWhileDownRunsOnceAtStart() {
        Instant since = Instant.now();
        String rows = Api.send(
                        "POST",
                        "api/v1/_probe/jobs/" + ProbeJobs.YEARLY + "/down-since-last-year",
                        BodyPublishers.noBody())
                .body();
        assertEquals("1", rows, "the schedule was registered at start");

        ear.redeploy();

        List<JsonObject> ran = Eventually.await(
                "the missed yearly run",
                Duration.ofSeconds(30),
                () -> Jobs.executions("job=" + ProbeJobs.YEARLY + "&since=" + since),
                list -> !list.isEmpty());
        assertEquals(1, ran.size(), ran.toString());
        Jobs.awaitStatus(Jobs.id(ran.get(0)), Set.of("COMPLETED"));

        Instant afterward = Instant.now();
        ear.redeploy();
        Eventually.settles(
                "no second catch-up run",
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                () -> Jobs.executions("job=" + ProbeJobs.YEARLY + "&since=" + afterward)
                        .isEmpty());
    }

    @Test
    void aLastFiringInTheFutureIsTakenForNowAtStart() {
        try {
            assertEquals("1", probe(ProbeJobs.YEARLY, "fired?days=365"), "the schedule was registered at start");

            ear.redeploy();

            Eventually.await(
                    "the stored firing brought back to the present",
                    Duration.ofSeconds(30),
                    () -> probe(ProbeJobs.YEARLY, "last-fired"),
                    stored -> !stored.isEmpty()
                            && Instant.parse(stored).isBefore(Instant.now().plusSeconds(5)));
        } finally {
            probe(ProbeJobs.YEARLY, "fired?days=0");
        }
    }

    private static String probe(String job, String path) {
        return Api.send("POST", "api/v1/_probe/jobs/" + job + "/" + path, BodyPublishers.noBody())
                .body();
    }
}
