package dev.agentry.it.harness;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reading {@code GET /runs/{id}/events}: in Java, line by line as the text/event-stream format has
 * it, and with a real EventSource (the npm package {@code eventsource}, run by the machine's Node.js).
 */
public final class RunEvents {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "timed_out", "cancelled");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunEvents() {}

    /** One event as received: the SSE id and event name, and the data's JSON. */
    public record Event(String id, String type, JsonObject data) {

        public boolean terminal() {
            return type.equals("status")
                    && TERMINAL.contains(data.getJsonObject("data").getString("status"));
        }
    }

    /** What a reading saw: the events, the comment lines, and whether the server ended the stream. */
    public record Reading(int status, List<Event> events, List<String> comments, boolean endedByServer) {}

    /**
     * Reads the run's stream with these headers until the server ends it, {@code max} events arrived
     * (then the connection is dropped), or {@code within} passed.
     */
    public static Reading read(String runId, int max, Duration within, String... headers) {
        return read(runId, max, within, comments -> {}, headers);
    }

    /**
     * As {@link #read(String, int, Duration, String...)}, telling {@code onComment} the comments so far
     * each time one arrives: a test can act on the stream's own progress (e.g. after two heartbeats)
     * instead of guessing it with a pause.
     */
    public static Reading read(
            String runId, int max, Duration within, Consumer<List<String>> onComment, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.server().resolve("api/v1/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return read(request, max, within, onComment);
    }

    /** Reads any text/event-stream answer to {@code request}, as {@link #read(String, int, Duration, String...)}. */
    public static Reading read(
            HttpRequest.Builder request, int max, Duration within, Consumer<List<String>> onComment) {
        HttpResponse<Stream<String>> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Event> events = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        if (response.statusCode() != 200) {
            response.body().close();
            return new Reading(response.statusCode(), events, comments, true);
        }
        long until = System.nanoTime() + within.toNanos();
        boolean ended = false;
        String id = null;
        String type = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (System.nanoTime() < until) {
                if (!it.hasNext()) {
                    ended = true;
                    break;
                }
                String line = it.next();
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    onComment.accept(List.copyOf(comments));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(id, type, (JsonObject) Api.structure(data.toString())));
                    data.setLength(0);
                    type = "message";
                    if (max > 0 && events.size() >= max) {
                        break;
                    }
                }
            }
        }
        return new Reading(200, events, comments, ended);
    }

    /**
     * The npm {@code eventsource} EventSource on the run's stream ({@code src/test/sse-client/client.js}):
     * its output lines, one JSON object per event, then {@code end} (terminal event), {@code stopped}
     * ({@code max} events, then it closed), or an error.
     */
    public static List<String> eventSource(String runId, String token, String lastEventId, int max) {
        Path dir = Path.of(System.getProperty("it.sse-client", "target/sse-client"));
        try {
            Process node = new ProcessBuilder(
                            "node",
                            "client.js",
                            Api.server()
                                    .resolve("api/v1/runs/" + runId + "/events")
                                    .toString(),
                            token,
                            lastEventId == null ? "-" : lastEventId,
                            Integer.toString(max))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            }
            if (!node.waitFor(70, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
