package dev.agentry.core.runs;

import dev.agentry.core.Boundary;

/** Where a stream of one run's events goes (an SSE connection); events arrive in order, once each. */
@Boundary
public interface RunEventSink {

    /** Sends one event; false when the receiver is gone or too far behind, which ends the stream. */
    boolean send(RunEventRecord event);

    /** The stream is over: after the terminal event, or because the receiver went away. */
    void end();
}
