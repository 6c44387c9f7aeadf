package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The jobs API as the job and console tests use it: start, follow and list executions. */
public final class Jobs {

    public static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private Jobs() {}

    public static long start(String job, String body) {
        HttpResponse<String> started = postJson("api/v1/jobs/" + job + "/start", body, asBootstrap());
        assertEquals(202, started.statusCode(), started.body());
        return json(started).getJsonNumber("executionId").longValue();
    }

    /**
     * Starts an operator's job and waits for it to complete: a start refused because its schedule is running it
     * just then ({@code 409}) is asked again, so the caller's own execution is the one awaited.
     */
    public static JsonObject run(String job) {
        HttpResponse<String> started = Eventually.await(
                "a start of " + job,
                Duration.ofSeconds(30),
                () -> postJson("api/v1/jobs/" + job + "/start", "{}", asBootstrap()),
                r -> r.statusCode() != 409);
        assertEquals(202, started.statusCode(), started.body());
        JsonObject done = awaitStatus(json(started).getJsonNumber("executionId").longValue(), FINISHED);
        assertEquals("COMPLETED", done.getJsonObject("execution").getString("status"), done::toString);
        return done;
    }

    public static JsonObject detail(long execution) {
        return json(get("api/v1/jobs/executions/" + execution, asBootstrap()));
    }

    public static String status(long execution) {
        return detail(execution).getJsonObject("execution").getString("status");
    }

    public static JsonObject awaitStatus(long execution, Set<String> statuses) {
        return Eventually.await(
                "execution " + execution + " in " + statuses,
                Duration.ofSeconds(60),
                () -> detail(execution),
                d -> statuses.contains(d.getJsonObject("execution").getString("status")));
    }

    public static List<JsonObject> executions(String query) {
        return Api.listed(get("api/v1/jobs/executions?" + query, asBootstrap()));
    }

    public static long id(JsonObject execution) {
        return execution.getJsonNumber("executionId").longValue();
    }
}
