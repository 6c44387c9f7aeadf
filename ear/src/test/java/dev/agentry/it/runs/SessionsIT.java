package dev.agentry.it.runs;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.fieldErrors;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.ModelServer;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions: a task's {@code sessionId} carries the conversation into the next run (the model receives
 * the earlier runs' messages), one run at a time writes it ({@code 409 transcript_locked}, or {@code
 * onBusy: queue} to wait), the transcript keeps what a cancelled run said, stays within its bounds (the
 * suite's server keeps 6 messages), and belongs to its credential alone.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    /** Listening before the first run: the provider testmodel calls it. */
    private static final ModelServer MODEL = ModelServer.get();

    private static String session() {
        return "s-" + UUID.randomUUID();
    }

    /** A demo task on a session with this goal and script; {@code more} are further members. */
    private static String task(String session, String goal, String script, String... more) {
        StringBuilder json = new StringBuilder("{\"goal\":\"" + goal + "\",\"agent\":\"demo\",\"workspace\":")
                .append("{\"seed\":\"project\"},\"sessionId\":\"")
                .append(session)
                .append("\",\"script\":")
                .append(script);
        for (String member : more) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    private static List<JsonObject> transcript(String session, String... headers) {
        return listed(Api.get("api/v1/sessions/" + session + "/transcript?limit=100", headers));
    }

    @Test
    void theModelReceivesTheEarlierRunsOfTheSession() {
        String session = session();
        String word = "word-" + UUID.randomUUID();
        String chat = "{\"goal\":\"%s\",\"agent\":\"modeler\",\"model\":\"session-chat\",\"workspace\":"
                + "{\"seed\":\"project\"},\"sessionId\":\"" + session + "\"}";
        String first = start(chat.formatted("Remember " + word)).getString("id");
        assertEquals("succeeded", awaitEnd(first).getString("status"));
        String second = start(chat.formatted("Which word was it?")).getString("id");
        assertEquals("succeeded", awaitEnd(second).getString("status"));

        List<ModelServer.Request> requests = MODEL.requests("session-chat");
        JsonArray messages = requests.stream()
                .map(r -> r.body().getJsonArray("messages"))
                .filter(m -> m.toString().contains("Which word was it?"))
                .findFirst()
                .orElseThrow();
        List<String> said = messages.getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("role") + ":" + m.getString("content", ""))
                .toList();
        assertTrue(said.get(0).startsWith("system:You fix the files"), said.toString());
        assertEquals(
                List.of("user:Remember " + word, "assistant:Noted.", "user:Which word was it?"),
                said.subList(1, said.size()),
                "the instructions, the first run's conversation, then the goal");

        JsonObject view = json(Api.get("api/v1/sessions/" + session, runner()));
        assertEquals("agentry/session/v1", view.getString("schema"));
        assertEquals("modeler", view.getString("agent"));
        assertEquals(2, view.getInt("runs"));
        assertTrue(view.isNull("activeRunId"), view.toString());
        List<JsonObject> kept = transcript(session, runner());
        assertEquals(view.getInt("messages"), kept.size());
        assertEquals("Remember " + word, kept.get(0).getJsonObject("content").getString("text"));
        assertTrue(kept.stream().noneMatch(m -> m.getString("role").equals("system")), "the instructions are not kept");
    }

    @Test
    void aSecondRunOnABusySessionIsRefusedOrWaitsWhereTheTaskAsks() {
        String session = session();
        String holder = start(task(session, "Hold the session", "[{\"text\":\"thinking\",\"delayMs\":30000}]"))
                .getString("id");
        HttpResponse<String> refused = Runs.submit(
                task(session, "Second", "[{\"final\":\"x\"}]"),
                UUID.randomUUID().toString(),
                runner());
        JsonObject problem = assertProblem(refused, 409, "transcript_locked");
        assertTrue(problem.getString("detail").contains("onBusy"), problem.toString());
        assertEquals(
                Set.of("onBusy:invalid"),
                fieldErrors(Runs.submit(
                        task(session, "Third", "[{\"final\":\"x\"}]", "\"onBusy\":\"wait\""),
                        UUID.randomUUID().toString(),
                        runner())));

        String waiter = start(task(session, "Waited", "[{\"final\":\"after the wait\"}]", "\"onBusy\":\"queue\""))
                .getString("id");
        Runs.awaitStatus(holder, "running");
        // The cancel is meant for a run inside its model call, after its goal joined the transcript: "running"
        // alone comes before that, and a fast database let the cancel in before the first turn.
        Eventually.await(
                "the holder's goal in the transcript",
                Duration.ofSeconds(30),
                () -> transcript(session, runner()),
                kept -> !kept.isEmpty());
        assertEquals("queued", Runs.get(waiter).getString("status"), "it waits while the session is held");
        JsonObject held = json(Api.get("api/v1/sessions/" + session, runner()));
        assertEquals(holder, held.getString("activeRunId"));

        Api.send("POST", "api/v1/runs/" + holder + "/cancel", BodyPublishers.noBody(), runner());
        assertEquals("cancelled", awaitEnd(holder).getString("status"));
        JsonObject waited = awaitEnd(waiter);
        assertEquals("succeeded", waited.getString("status"), waited.toString());

        List<JsonObject> kept = transcript(session, runner());
        assertEquals(
                List.of("user:Hold the session", "assistant:thinking", "user:Waited", "assistant:after the wait"),
                kept.stream()
                        .filter(m -> m.getJsonObject("content").containsKey("text"))
                        .map(m -> m.getString("role") + ":"
                                + m.getJsonObject("content").getString("text"))
                        .toList(),
                "the cancelled run's part is kept, the waiting run's follows it");
        JsonObject view = json(Api.get("api/v1/sessions/" + session, runner()));
        assertEquals(2, view.getInt("runs"), "the refused run never joined the session");
        assertTrue(view.isNull("activeRunId"), view.toString());
    }

    @Test
    void aRunOfADeadServerKeepsWhatItSaidAndTheWatchdogFreesItsSession() {
        String session = session();
        String first = start(task(session, "Before the crash", "[{\"final\":\"noted\"}]"))
                .getString("id");
        assertEquals("succeeded", awaitEnd(first).getString("status"));
        String owner = json(Api.get("api/v1/auth/whoami", runner())).getString("credentialId");
        // The server died while this run held the session, after its first message was stored.
        String dead = Api.send(
                        "POST",
                        "api/v1/_probe/runs/orphan-in-session?agent=demo&owner=" + owner + "&session=" + session,
                        BodyPublishers.ofString("Interrupted by the crash"))
                .body()
                .strip();
        assertTrue(dead.startsWith("run_"), dead);

        JsonObject ended = awaitEnd(dead);
        assertEquals("timed_out", ended.getString("status"), ended.toString());
        assertEquals("watchdog", ended.getString("stopReason"));
        JsonObject freed = json(Api.get("api/v1/sessions/" + session, runner()));
        assertTrue(freed.isNull("activeRunId"), "the watchdog's end released the lock: " + freed);

        String after = start(task(session, "After the crash", "[{\"final\":\"resumed\"}]"))
                .getString("id");
        assertEquals("succeeded", awaitEnd(after).getString("status"), "not transcript_locked");
        assertEquals(
                List.of(
                        "user:Before the crash",
                        "assistant:noted",
                        "user:Interrupted by the crash",
                        "user:After the crash",
                        "assistant:resumed"),
                transcript(session, runner()).stream()
                        .filter(m -> m.getJsonObject("content").containsKey("text"))
                        .map(m -> m.getString("role") + ":"
                                + m.getJsonObject("content").getString("text"))
                        .toList(),
                "what the dead run said is kept, and the next run follows it");
    }

    @Test
    void aTranscriptKeepsItsNewestMessagesWithinItsBoundsFromTheStartOfARun() {
        String session = session();
        for (int i = 1; i <= 4; i++) {
            String id = start(task(session, "Step " + i, "[{\"final\":\"done " + i + "\"}]"))
                    .getString("id");
            assertEquals("succeeded", awaitEnd(id).getString("status"));
        }
        JsonObject view = json(Api.get("api/v1/sessions/" + session, runner()));
        assertEquals(6, view.getInt("messages"), view.toString());
        assertEquals(2, view.getInt("droppedMessages"), view.toString());
        List<JsonObject> kept = transcript(session, runner());
        assertEquals(6, kept.size());
        assertEquals("user", kept.get(0).getString("role"));
        assertEquals("Step 2", kept.get(0).getJsonObject("content").getString("text"));
        // Paged, oldest first, with a sealed cursor.
        JsonObject page = json(Api.get("api/v1/sessions/" + session + "/transcript?limit=4", runner()));
        assertTrue(page.getBoolean("hasMore"));
        List<JsonObject> rest = listed(Api.get(
                "api/v1/sessions/" + session + "/transcript?limit=4&cursor=" + page.getString("nextCursor"), runner()));
        assertEquals(kept.subList(4, 6), rest);
    }

    @Test
    void aSessionIsItsCredentialsAloneAndOneAgents() {
        String session = session();
        String id = start(task(session, "Mine", "[{\"final\":\"x\"}]")).getString("id");
        awaitEnd(id);
        String[] other = bearer(tokenFor(createCredential("{\"name\":\"sessions-other-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"runs:read\",\"runs:write\",\"runs:admin\"]}")));
        String missing = session();
        for (String path : List.of("api/v1/sessions/%s", "api/v1/sessions/%s/transcript")) {
            JsonObject refused = assertProblem(Api.get(path.formatted(session), other), 404, "not_found");
            JsonObject absent = assertProblem(Api.get(path.formatted(missing), other), 404, "not_found");
            assertEquals(absent.getString("detail"), refused.getString("detail"), "no hint that it exists");
        }
        // The same name is another session for another credential: its run is not locked out.
        HttpResponse<String> theirs = Runs.submit(
                task(session, "Theirs", "[{\"final\":\"y\"}]"),
                UUID.randomUUID().toString(),
                other);
        assertEquals(202, theirs.statusCode(), theirs.body());
        awaitEnd(json(theirs).getString("id"), other);
        assertEquals(1, json(Api.get("api/v1/sessions/" + session, other)).getInt("runs"));
        assertEquals(
                List.of("Mine"),
                transcript(session, runner()).stream()
                        .filter(m -> m.getString("role").equals("user"))
                        .map(m -> m.getJsonObject("content").getString("text"))
                        .toList());
        // A session is a conversation with one agent.
        assertEquals(
                Set.of("sessionId:other_agent"),
                fieldErrors(Runs.submit(
                        task(session, "Elsewhere", "[{\"final\":\"x\"}]").replace("\"demo\"", "\"reviewer\""),
                        UUID.randomUUID().toString(),
                        runner())));
    }
}
