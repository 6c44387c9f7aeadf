package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.RunEvents;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /runs/{id}/events}: a run's events over Server-Sent Events, read by a real EventSource
 * (Node's {@code eventsource}) and in Java: in order with consecutive ids, resumable by {@code
 * Last-Event-ID} without gaps or repeats, heartbeat comments, the end after the terminal event, and
 * the run's ownership.
 */
@ExtendWith(ArquillianExtension.class)
class RunEventsIT {

    /** Two turns a second or so apart, a file written and a verify step: every kind of event. */
    private static final String SCRIPT = """
            [{"text":"writing","toolCalls":[{"tool":"workspace.write","arguments":{"path":"src/app.txt","content":"fixed\\n"}}],"delayMs":1500},
             {"toolCalls":[{"tool":"verify.run","arguments":{"step":"app-fixed"}}],"final":"Done.","delayMs":1000}]""";

    private static String slowRun() {
        return start(Runs.task("demo", "[\"workspace.write\",\"verify.run\"]", "[\"app-fixed\"]", SCRIPT))
                .getString("id");
    }

    private static String token() {
        return runner()[1].substring("Bearer ".length());
    }

    @Test
    void aRealEventSourceReceivesAWholeRunInOrderAndTheStreamEnds() {
        String id = slowRun();
        List<String> lines = RunEvents.eventSource(id, token(), null, 0);
        assertEquals("end", lines.get(lines.size() - 1), lines.toString());
        List<JsonObject> events = lines.subList(0, lines.size() - 1).stream()
                .map(l -> (JsonObject) Api.structure(l))
                .toList();
        assertEquals(
                LongStream.rangeClosed(1, events.size())
                        .mapToObj(Long::toString)
                        .toList(),
                events.stream().map(e -> e.getString("id")).toList(),
                "ids are the run's event numbers, from 1, none missing");
        List<String> types = events.stream().map(e -> e.getString("type")).toList();
        for (String type : List.of(
                "status",
                "booting",
                "running",
                "message",
                "tool_call",
                "turn",
                "loop_ended",
                "collecting_artifacts",
                "artifacts")) {
            assertTrue(types.contains(type), type + " in " + types);
        }
        List<String> statuses = events.stream()
                .filter(e -> e.getString("type").equals("status"))
                .map(e -> e.getJsonObject("data").getJsonObject("data").getString("status"))
                .toList();
        assertEquals(List.of("queued", "booting", "running", "collecting_artifacts", "succeeded"), statuses);
        JsonObject last = events.get(events.size() - 1).getJsonObject("data");
        assertEquals(id, last.getString("run"));
        assertEquals("succeeded", last.getJsonObject("data").getString("outcome"));
        assertTrue(types.indexOf("tool_call") < types.indexOf("loop_ended"));

        // The ended run replays the same events, and the stream ends by itself.
        RunEvents.Reading replay = RunEvents.read(id, 0, Duration.ofSeconds(20), runner());
        assertTrue(replay.endedByServer());
        assertEquals(
                events.stream().map(e -> e.getString("id")).toList(),
                replay.events().stream().map(RunEvents.Event::id).toList());
        assertEquals(
                events.stream().map(e -> e.getJsonObject("data")).toList(),
                replay.events().stream().map(RunEvents.Event::data).toList());
    }

    @Test
    void resumingWithLastEventIdMissesNothingAndRepeatsNothing() {
        String id = slowRun();
        List<String> first = RunEvents.eventSource(id, token(), null, 4);
        assertEquals("stopped", first.get(first.size() - 1), first.toString());
        List<String> ids = new ArrayList<>(ids(first));
        List<String> rest = RunEvents.eventSource(id, token(), ids.get(ids.size() - 1), 0);
        assertEquals("end", rest.get(rest.size() - 1), rest.toString());
        ids.addAll(ids(rest));
        assertEquals(
                LongStream.rangeClosed(1, ids.size()).mapToObj(Long::toString).toList(), ids);
        awaitEnd(id);
        assertEquals(
                ids,
                RunEvents.read(id, 0, Duration.ofSeconds(20), runner()).events().stream()
                        .map(RunEvents.Event::id)
                        .toList(),
                "resumed, the client has every event the run has");
        // Resuming after the terminal event: nothing more, the stream ends at once.
        RunEvents.Reading after = RunEvents.read(
                id, 0, Duration.ofSeconds(20), Api.with(runner(), "Last-Event-ID", ids.get(ids.size() - 1)));
        assertEquals(List.of(), after.events());
        assertTrue(after.endedByServer());
    }

    @Test
    void aLiveStreamSendsHeartbeatsAndEndsWhenTheRunIsCancelled() {
        String id = start(
                        Runs.task("demo", "[]", "[]", "[{\"text\":\"thinking\",\"delayMs\":30000},{\"final\":\"x\"}]"))
                .getString("id");
        Runs.awaitStatus(id, "running");
        // Cancelled from the stream itself once two heartbeats came through it: no guess at the timing.
        AtomicBoolean cancelled = new AtomicBoolean();
        RunEvents.Reading reading = RunEvents.read(
                id,
                0,
                Duration.ofSeconds(40),
                comments -> {
                    if (comments.stream().filter("heartbeat"::equals).count() >= 2 && !cancelled.getAndSet(true)) {
                        Api.send("POST", "api/v1/runs/" + id + "/cancel", BodyPublishers.noBody(), runner());
                    }
                },
                runner());
        assertTrue(cancelled.get(), "two heartbeats arrived before the cancel: " + reading.comments());
        assertTrue(reading.comments().contains("heartbeat"), reading.comments().toString());
        assertTrue(reading.endedByServer());
        RunEvents.Event last = reading.events().get(reading.events().size() - 1);
        assertTrue(last.terminal(), last.toString());
        assertEquals("cancelled", last.data().getJsonObject("data").getString("status"));
    }

    @Test
    void anotherCredentialsRunIsNotFoundAndABadLastEventIdIsRefused() {
        String id = start(Runs.task("demo", "[]", "[]", "[{\"final\":\"x\"}]")).getString("id");
        String[] other = bearer(tokenFor(createCredential("{\"name\":\"events-other-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"runs:read\",\"runs:write\"]}")));
        assertProblem(Api.get("api/v1/runs/" + id + "/events", other), 404, "not_found");
        assertProblem(Api.get("api/v1/runs/run_missing/events", runner()), 404, "not_found");
        List<String> refused = RunEvents.eventSource(id, other[1].substring("Bearer ".length()), null, 0);
        assertEquals(List.of("{\"error\":404}"), refused);
        assertProblem(
                Api.get("api/v1/runs/" + id + "/events", Api.with(runner(), "Last-Event-ID", "x1")),
                400,
                "validation_failed");
        assertEquals(401, Api.get("api/v1/runs/" + id + "/events").statusCode());
    }

    private static List<String> ids(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("{"))
                .map(l -> ((JsonObject) Api.structure(l)).getString("id"))
                .toList();
    }
}
