package dev.agentry.api.runs;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.runs.RunEventFeed;
import dev.agentry.core.runs.RunEventRecord;
import dev.agentry.core.runs.RunEventSink;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The open {@code GET /runs/{id}/events} connections: each a {@link RunEventSink} the run's feed
 * pushes to, so no thread waits per connection. One scheduled task for all of them sends the
 * heartbeat comment, notices connections that went away, and catches each stream up from the log
 * (a safety net: an event handed over late is still sent, in order).
 */
@ApplicationScoped
public class RunEventStreams {

    private static final Logger LOG = Logger.getLogger(RunEventStreams.class);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "agentry.runs.events-heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "agentry.runs.events-max-streams", defaultValue = "2000")
    int maxStreams;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> beats;

    @PostConstruct
    void start() {
        long millis = heartbeat.toMillis();
        beats = scheduler.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (beats != null) {
            beats.cancel(false);
        }
        open.forEach(Stream::end);
    }

    /**
     * How a stream writes one run event: the API's stream as it is ({@link #AS_IS}); MCP's as a progress
     * notification, and the call's answer after the last.
     */
    @FunctionalInterface
    public interface Framing {
        /** The SSE events this run event becomes, in order. */
        List<OutboundSseEvent> frames(Sse sse, RunEventRecord event);
    }

    /** Each event as itself: its number the SSE id, its type the SSE event name, {@link RunEventRecord#wire()} the data. */
    public static final Framing AS_IS = (sse, event) -> List.of(sse.newEventBuilder()
            .id(Long.toString(event.seq()))
            .name(event.type())
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, event.wire().build().toString())
            .build());

    /** Streams the run's events after {@code after} to this connection; 404 for a run not the caller's. */
    void open(RunEventFeed feed, Grant grant, String runId, long after, SseEventSink sink, Sse sse) {
        open(feed, grant, runId, after, sink, sse, AS_IS);
    }

    /** Whether one more stream may open now (each is bounded by {@code agentry.runs.events-max-streams}). */
    public boolean hasRoom() {
        return open.size() < maxStreams;
    }

    /**
     * Streams the run's events after {@code after} to this connection, each written as {@code framing} says; 404
     * for a run not the caller's, 503 when as many streams are open as the server allows.
     */
    public void open(
            RunEventFeed feed, Grant grant, String runId, long after, SseEventSink sink, Sse sse, Framing framing) {
        if (!hasRoom()) {
            throw new AgentryException(
                    ErrorCode.SERVICE_UNAVAILABLE, "This server streams as many runs as it may; try again shortly.");
        }
        Stream stream = new Stream(sink, sse, framing);
        open.add(stream);
        try {
            stream.subscription = feed.open(grant, runId, after, stream);
        } catch (RuntimeException e) {
            open.remove(stream);
            throw e;
        }
    }

    /** How many connections are open now. */
    public int count() {
        return open.size();
    }

    private void beat() {
        for (Stream stream : open) {
            stream.beat();
        }
    }

    /** One connection. */
    private final class Stream implements RunEventSink {

        private final SseEventSink sink;
        private final Sse sse;
        private final Framing framing;
        private volatile RunEventFeed.Subscription subscription;
        private volatile boolean ended;
        // Set when a write failed (the receiver left). The stream is closed by the next event or heartbeat,
        // not by the write's completion: that runs on the I/O thread holding the response's lock, and
        // closing there took the subscription's lock, which a publisher holds while it waits for the
        // response's: a deadlock.
        private volatile boolean broken;

        Stream(SseEventSink sink, Sse sse, Framing framing) {
            this.sink = sink;
            this.sse = sse;
            this.framing = framing;
        }

        @Override
        public boolean send(RunEventRecord event) {
            if (ended || broken || sink.isClosed()) {
                return false;
            }
            List<OutboundSseEvent> frames;
            try {
                frames = framing.frames(sse, event);
            } catch (RuntimeException e) {
                // A stream that cannot write its event ends; the run, whose thread this may be, goes on.
                LOG.warnf(
                        "A run event stream of %s ended: its event %d could not be framed", event.runId(), event.seq());
                return false;
            }
            for (OutboundSseEvent frame : frames) {
                if (!write(frame)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void end() {
            if (!ended) {
                ended = true;
                open.remove(this);
                sink.close();
            }
        }

        void beat() {
            if (ended) {
                open.remove(this);
                return;
            }
            if (sink.isClosed()
                    || broken
                    || !write(sse.newEventBuilder().comment("heartbeat").build())) {
                close();
                return;
            }
            RunEventFeed.Subscription current = subscription;
            if (current != null) {
                current.catchUp();
            }
        }

        private void close() {
            RunEventFeed.Subscription current = subscription;
            if (current != null) {
                current.close();
            } else {
                end();
            }
        }

        private boolean write(OutboundSseEvent event) {
            try {
                sink.send(event).whenComplete((done, failure) -> {
                    if (failure != null) {
                        broken = true;
                    }
                });
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
