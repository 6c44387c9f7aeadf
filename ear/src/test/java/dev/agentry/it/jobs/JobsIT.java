package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.probe.ProbeJobs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jobs API (SPEC section 11): every job listed with its schedule and last execution, executions filtered
 * and cursor-paged, one execution with its steps and a redacted failure, start, stop and restart with their
 * refusals, one execution of an exclusive job at a time, and the two scopes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobsIT {

    @Test
    void everyJobIsListedWithItsDescriptionScheduleAndLastExecution() {
        long execution = Jobs.start("diagnostics", "{\"parameters\":{\"note\":\"listed\"}}");
        Jobs.awaitStatus(execution, Jobs.FINISHED);

        Map<String, JsonObject> jobs = Api.listed(get("api/v1/jobs", asBootstrap())).stream()
                .collect(Collectors.toMap(j -> j.getString("name"), j -> j));

        assertTrue(
                jobs.keySet().containsAll(Set.of("catalog-import", "diagnostics", "agent-task-run", "secrets-rewrap")),
                jobs.keySet().toString());
        jobs.values().forEach(job -> assertFalse(job.getString("description").isBlank(), job.toString()));
        JsonObject diagnostics = jobs.get("diagnostics");
        assertEquals("off", diagnostics.getString("schedule"));
        assertEquals(JsonValue.NULL, diagnostics.get("nextFireAt"));
        assertTrue(diagnostics.getBoolean("startable"));
        assertTrue(
                diagnostics
                                .getJsonObject("lastExecution")
                                .getJsonNumber("executionId")
                                .longValue()
                        >= execution,
                diagnostics.toString());
        assertFalse(jobs.get("agent-task-run").getBoolean("startable"));
        JsonObject tick = jobs.get(ProbeJobs.TICK);
        assertEquals("*/2 * * * * ?", tick.getString("schedule"));
        Instant next = Instant.parse(tick.getString("nextFireAt"));
        assertTrue(
                next.isAfter(Instant.now().minusSeconds(3))
                        && next.isBefore(Instant.now().plusSeconds(5)),
                tick.toString());
    }

    @Test
    void aStartedJobRunsAndItsExecutionShowsParametersStepsAndMetrics() {
        String note = "jobs-it-" + UUID.randomUUID();
        HttpResponse<String> started = postJson(
                "api/v1/jobs/diagnostics/start", "{\"parameters\":{\"note\":\"" + note + "\"}}", asBootstrap());
        assertEquals(202, started.statusCode(), started.body());
        long execution = json(started).getJsonNumber("executionId").longValue();
        assertTrue(
                started.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/jobs/executions/" + execution),
                started.headers().toString());

        JsonObject detail = Jobs.awaitStatus(execution, Jobs.FINISHED);

        JsonObject view = detail.getJsonObject("execution");
        assertEquals("COMPLETED", view.getString("status"), detail.toString());
        assertEquals("diagnostics", view.getString("jobName"));
        assertEquals(note, view.getJsonObject("parameters").getString("note"));
        assertEquals(JsonValue.NULL, detail.get("failure"));
        JsonObject step = detail.getJsonArray("steps").getJsonObject(0);
        assertEquals("record", step.getString("name"));
        assertEquals("COMPLETED", step.getString("status"));
        assertTrue(step.getJsonNumber("durationMillis").longValue() >= 0, step.toString());
        for (String metric : List.of("read", "written", "filtered", "skipped", "commits", "rollbacks")) {
            assertTrue(step.containsKey(metric), metric);
        }
        assertTrue(
                Jobs.executions("job=diagnostics&status=completed&limit=200").stream()
                        .anyMatch(e -> Jobs.id(e) == execution),
                "listed by job and status");
    }

    @Test
    void executionsAreCursorPagedNewestFirstAndFiltered() {
        Instant before = Instant.now().minusSeconds(1);
        long first = Jobs.start("diagnostics", "{}");
        Jobs.awaitStatus(first, Jobs.FINISHED);
        long second = Jobs.start("diagnostics", "{}");
        Jobs.awaitStatus(second, Jobs.FINISHED);
        String query = "job=diagnostics&since=" + before;

        JsonObject page = json(get("api/v1/jobs/executions?" + query + "&limit=1", asBootstrap()));

        assertEquals(second, Jobs.id(page.getJsonArray("data").getJsonObject(0)));
        assertTrue(page.getBoolean("hasMore"));
        String cursor = page.getString("nextCursor");
        JsonObject next = json(get("api/v1/jobs/executions?" + query + "&limit=1&cursor=" + cursor, asBootstrap()));
        assertEquals(first, Jobs.id(next.getJsonArray("data").getJsonObject(0)));
        assertProblem(
                get("api/v1/jobs/executions?job=probe-slow&limit=1&cursor=" + cursor, asBootstrap()),
                400,
                "cursor_invalid");
        assertTrue(Jobs.executions("job=diagnostics&since=" + Instant.now().plusSeconds(60))
                .isEmpty());
        assertTrue(Jobs.executions("status=FAILED&limit=200").stream()
                .allMatch(e -> e.getString("status").equals("FAILED")));
    }

    @Test
    void badFiltersAndStartsAreRefusedAndStartNothing() {
        assertEquals(Set.of("job:unknown"), Api.fieldErrors(get("api/v1/jobs/executions?job=nope", asBootstrap())));
        assertEquals(
                Set.of("status:invalid"),
                Api.fieldErrors(get("api/v1/jobs/executions?status=sleeping", asBootstrap())));
        assertEquals(
                Set.of("since:not_a_time"),
                Api.fieldErrors(get("api/v1/jobs/executions?since=yesterday", asBootstrap())));
        assertProblem(postJson("api/v1/jobs/nope/start", "{}", asBootstrap()), 404, "not_found");
        assertProblem(postJson("api/v1/jobs/catalog-import/start", "{}", asBootstrap()), 409, "conflict");
        assertProblem(postJson("api/v1/jobs/agent-task-run/start", "{}", asBootstrap()), 409, "conflict");
        HttpResponse<String> unknownParameter =
                postJson("api/v1/jobs/diagnostics/start", "{\"parameters\":{\"file\":\"/etc/passwd\"}}", asBootstrap());
        assertEquals(Set.of("parameters.file:unknown"), Api.fieldErrors(unknownParameter));
        assertProblem(get("api/v1/jobs/executions/987654321", asBootstrap()), 404, "not_found");
        assertProblem(post("api/v1/jobs/executions/987654321/stop"), 404, "not_found");
    }

    @Test
    void aRunningExecutionStopsAndRestartsOnlyOnceAndOnlyOneRunsAtATime() {
        long running = Jobs.start(ProbeJobs.SLOW, "{\"parameters\":{\"millis\":\"60000\"}}");
        Jobs.awaitStatus(running, Set.of("STARTED"));

        assertProblem(postJson("api/v1/jobs/" + ProbeJobs.SLOW + "/start", "{}", asBootstrap()), 409, "conflict");
        assertProblem(post("api/v1/jobs/executions/" + running + "/restart"), 409, "conflict");

        assertEquals(202, post("api/v1/jobs/executions/" + running + "/stop").statusCode());
        assertEquals(
                "STOPPED",
                Jobs.awaitStatus(running, Jobs.FINISHED)
                        .getJsonObject("execution")
                        .getString("status"));
        assertProblem(post("api/v1/jobs/executions/" + running + "/stop"), 409, "conflict");

        HttpResponse<String> restarted = post("api/v1/jobs/executions/" + running + "/restart");
        assertEquals(202, restarted.statusCode(), restarted.body());
        long again = json(restarted).getJsonNumber("executionId").longValue();
        assertNotEquals(running, again);
        assertEquals("60000", json(restarted).getJsonObject("parameters").getString("millis"), "same parameters");
        assertProblem(post("api/v1/jobs/executions/" + running + "/restart"), 409, "conflict");
        Jobs.awaitStatus(again, Set.of("STARTED"));
        assertEquals(202, post("api/v1/jobs/executions/" + again + "/stop").statusCode());
        Jobs.awaitStatus(again, Jobs.FINISHED);

        long done = Jobs.start(ProbeJobs.SLOW, "{\"parameters\":{\"millis\":\"1\"}}");
        Jobs.awaitStatus(done, Set.of("COMPLETED"));
        assertProblem(post("api/v1/jobs/executions/" + done + "/restart"), 409, "conflict");
    }

    @Test
    void aFailureIsShownWithoutExceptionClassesOrSecrets() {
        long failed = Jobs.start(ProbeJobs.FAIL, "{}");

        JsonObject detail = Jobs.awaitStatus(failed, Jobs.FINISHED);

        assertEquals("FAILED", detail.getJsonObject("execution").getString("status"));
        String failure = detail.getString("failure");
        assertTrue(failure.contains("probe failure"), failure);
        assertFalse(failure.contains("IllegalStateException"), failure);
        assertFalse(failure.contains("agy_abcdefghijklmnop"), failure);
        assertFalse(detail.toString().contains("java."), detail.toString());
        // The list filters the batch repository's rows, which JBeret writes a moment after the execution
        // it serves the detail from has ended (after the job listeners ran).
        Eventually.await(
                "execution " + failed + " listed under status=FAILED",
                Duration.ofSeconds(10),
                () -> Jobs.executions("job=" + ProbeJobs.FAIL + "&status=FAILED"),
                listed -> listed.stream().anyMatch(e -> Jobs.id(e) == failed));
    }

    @Test
    void failedExecutionsOpenAFailedJobsIncidentThatTurnsCritical() {
        for (int i = 0; i < 3; i++) {
            Jobs.awaitStatus(Jobs.start(ProbeJobs.FAIL, "{}"), Jobs.FINISHED);
        }
        // The default thresholds: one failed execution in the window warns, three are critical.
        JsonObject incident = Eventually.await(
                "a critical failed_jobs incident about " + ProbeJobs.FAIL,
                Duration.ofSeconds(10),
                () -> failedJobsIncident().orElse(null),
                i -> i != null && i.getString("severity").equals("critical"));
        assertEquals("open", incident.getString("status"), incident.toString());
        String id = incident.getString("id");
        incident = json(get("api/v1/incidents/" + id, asBootstrap()));
        assertTrue(
                incident.getJsonArray("history").stream()
                        .anyMatch(c -> c.asJsonObject().getString("severity").equals("warn")),
                incident.toString());
        assertFalse(incident.toString().contains("agy_abcdefghijklmnop"), incident.toString());
        assertFalse(incident.toString().contains("IllegalStateException"), incident.toString());
        // Resolving once the window is quiet is IncidentsIT's (it moves the clock); moving it here would
        // also move the schedules and retention horizons the jobs tests after this one rely on.
    }

    private static Optional<JsonObject> failedJobsIncident() {
        return Api.listed(get("api/v1/incidents?limit=200", asBootstrap())).stream()
                .filter(i -> i.getString("signal").equals("failed_jobs")
                        && i.getString("subject").equals(ProbeJobs.FAIL))
                .findFirst();
    }

    @Test
    void readingNeedsOperationsReadAndStartingNeedsOperationsRun() {
        String[] reader = bearer(Api.tokenFor(
                createCredential("{\"name\":\"jobs reader\",\"owner\":\"jobs-it\",\"scopes\":[\"operations:read\"]}")));
        String[] runner = bearer(Api.tokenFor(
                createCredential("{\"name\":\"jobs runner\",\"owner\":\"jobs-it\",\"scopes\":[\"operations:run\"]}")));

        assertEquals(200, get("api/v1/jobs", reader).statusCode());
        assertEquals(200, get("api/v1/jobs/executions", reader).statusCode());
        assertProblem(postJson("api/v1/jobs/diagnostics/start", "{}", reader), 403, "scope_denied");
        assertProblem(get("api/v1/jobs", runner), 403, "scope_denied");
        assertEquals(
                202, postJson("api/v1/jobs/diagnostics/start", "{}", runner).statusCode());
    }

    private static HttpResponse<String> post(String path) {
        return Api.send("POST", path, BodyPublishers.noBody(), asBootstrap());
    }
}
