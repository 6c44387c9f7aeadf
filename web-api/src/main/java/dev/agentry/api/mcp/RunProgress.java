package dev.agentry.api.mcp;

import dev.agentry.api.runs.RunEventStreams;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.runs.RunEventFeed;
import dev.agentry.core.runs.RunEventRecord;
import dev.agentry.core.runs.RunService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * Follows a run for the MCP call that started it: each of the run's events becomes a
 * {@code notifications/progress} (its number the progress, its type the message) and, after the terminal one,
 * the call's response with the ended run. It rides the API's run event streams — the same feed, heartbeat, bound
 * on open streams and catch-up — so following a run holds no thread. Each response carries its
 * {@link ProgressPosition} as the SSE id, so a client that lost the stream resumes it with {@code GET} and
 * {@code Last-Event-ID}; the terminal progress notification carries none, so a client that lost the stream
 * between it and the response gets both again.
 */
@ApplicationScoped
public class RunProgress {

    @Inject
    RunEventStreams streams;

    @Inject
    RunEventFeed feed;

    @Inject
    RunService runs;

    /** Whether one more followed run may stream now. */
    boolean hasRoom() {
        return streams.hasRoom();
    }

    /** Streams the run's progress after {@code position.seq()} to this connection, then the call's answer. */
    void follow(Grant grant, ProgressPosition position, SseEventSink sink, Sse sse) {
        streams.open(
                feed,
                grant,
                position.runId(),
                position.seq(),
                sink,
                sse,
                (stream, event) -> frames(grant, position, stream, event));
    }

    /** One JSON-RPC message as the only event of a stream, which then ends (an answer with nothing to follow). */
    static void answerOnly(SseEventSink sink, Sse sse, JsonObject message) {
        try (sink) {
            sink.send(message(sse, message, null));
        }
    }

    private List<OutboundSseEvent> frames(Grant grant, ProgressPosition position, Sse sse, RunEventRecord event) {
        ProgressPosition here =
                new ProgressPosition(position.runId(), event.seq(), position.requestId(), position.progressToken());
        JsonObject progress = Jsonp.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/progress")
                .add(
                        "params",
                        Jsonp.createObjectBuilder()
                                .add("progressToken", position.progressToken())
                                .add("progress", event.seq())
                                .add("message", describe(event)))
                .build();
        if (!event.terminal()) {
            return List.of(message(sse, progress, here.encode()));
        }
        JsonObject answer = Jsonp.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", position.requestId())
                .add("result", ToolResult.of(McpJson.rendered(runs.view(grant, position.runId())), false))
                .build();
        return List.of(message(sse, progress, null), message(sse, answer, here.encode()));
    }

    /** The event in a few words: its type and, for a lifecycle move, the status it moved to. */
    private static String describe(RunEventRecord event) {
        StringBuilder text = new StringBuilder(event.type());
        if (RunEventRecord.STATUS.equals(event.type()) && event.data().get("status") instanceof JsonString status) {
            text.append(": ").append(status.getString());
        }
        return text.toString();
    }

    private static OutboundSseEvent message(Sse sse, JsonObject message, String id) {
        OutboundSseEvent.Builder event = sse.newEventBuilder()
                .name("message")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, message.toString());
        if (id != null) {
            event.id(id);
        }
        return event.build();
    }
}
