package dev.agentry.admin.runs;

import dev.agentry.core.runs.RunEventFeed;
import dev.agentry.core.runs.RunEventRecord;
import dev.agentry.core.runs.RunEventSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One live run page's stream: events the feed pushes are queued and written without blocking (the
 * feed's thread is the one that committed the event, and a slow browser must not hold it). A browser
 * more than {@link #MAX_PENDING} events behind loses its stream; its EventSource resumes from the
 * last event it got.
 */
final class ConsoleEventStream implements RunEventSink, WriteListener, AsyncListener {

    static final int MAX_PENDING = 1000;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Runnable release;
    private final Deque<byte[]> pending = new ArrayDeque<>();
    private volatile RunEventFeed.Subscription subscription;
    private boolean ending;
    private boolean finished;

    ConsoleEventStream(AsyncContext async, Runnable release) throws IOException {
        this.async = async;
        this.release = release;
        this.out = async.getResponse().getOutputStream();
        async.addListener(this);
        out.setWriteListener(this);
    }

    void follow(RunEventFeed.Subscription subscription) {
        this.subscription = subscription;
        if (finished()) {
            subscription.close();
        }
    }

    private synchronized boolean finished() {
        return finished;
    }

    /** The run is not there (or not visible): an error instead of a stream. */
    synchronized void refuse(int status) {
        if (!finished) {
            ((HttpServletResponse) async.getResponse()).setStatus(status);
            finish();
        }
    }

    @Override
    public synchronized boolean send(RunEventRecord event) {
        if (finished || ending) {
            return false;
        }
        if (pending.size() >= MAX_PENDING) {
            finish();
            return false;
        }
        // The page's one handler learns from "terminal" that the run is over and the stream with it.
        String data = event.wire().add("terminal", event.terminal()).build().toString();
        // No "event:" line: every event reaches the page's one onmessage handler; its type is in the data.
        pending.add(("id: " + event.seq() + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        drain();
        return true;
    }

    @Override
    public synchronized void end() {
        ending = true;
        drain();
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable error) {
        closed();
    }

    private void drain() {
        if (finished) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = pending.poll();
                if (next == null) {
                    out.flush();
                    if (ending && out.isReady()) {
                        finish();
                    }
                    return;
                }
                out.write(next);
            }
        } catch (IOException | IllegalStateException e) {
            finish(); // the browser went away
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        pending.clear();
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // completed already by the container (timeout, error)
        }
        release.run();
    }

    /**
     * The container ended the request (the browser left, the time limit): the feed forgets the
     * stream. Not under this stream's lock: the feed calls {@link #send} under its own.
     */
    private void closed() {
        synchronized (this) {
            finish();
        }
        RunEventFeed.Subscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        closed();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        closed();
    }

    @Override
    public void onError(AsyncEvent event) {
        closed();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
