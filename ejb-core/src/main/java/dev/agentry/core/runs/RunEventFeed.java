package dev.agentry.core.runs;

import dev.agentry.core.Boundary;
import dev.agentry.core.policy.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams of a run's events for its owner (or {@code runs:admin}): the stored events after the
 * caller's last one, then live ones, in order, none twice, none left out — a live event that
 * arrives ahead of one not yet seen first brings the missing ones from the log. The stream ends
 * after the terminal status event. No thread is held per stream: events are pushed as they commit.
 */
@Boundary
@ApplicationScoped
public class RunEventFeed {

    /** How many stored events one read brings. */
    static final int PAGE = 500;

    @Inject
    RunEventLog log;

    @Inject
    RunEventHub hub;

    @Inject
    RunService runs;

    @Inject
    RunLedger ledger;

    /**
     * Opens a stream of the run's events after {@code after} (0: from the first); another
     * credential's run is {@code not_found}, as for the run itself.
     */
    public Subscription open(Grant grant, String runId, long after, RunEventSink sink) {
        runs.find(grant, runId);
        Subscription subscription = new Subscription(runId, Math.max(0, after), sink);
        hub.listen(runId, subscription.listener);
        subscription.catchUp();
        if (!subscription.ended()
                && ledger.signal(runId).map(s -> s.status().terminal()).orElse(true)) {
            subscription.catchUp(); // the terminal event may have committed meanwhile
            subscription.close(); // ended, and (a run from before events were stored) without one
        }
        return subscription;
    }

    /** One receiver's place in one run's events. */
    public final class Subscription {

        private final String runId;
        private final RunEventSink sink;
        private final Consumer<RunEventRecord> listener = this::accept;
        private long last;
        private boolean ended;

        private Subscription(String runId, long after, RunEventSink sink) {
            this.runId = runId;
            this.last = after;
            this.sink = sink;
        }

        /** Sends what the log holds after the last event sent: the replay, and the safety net. */
        public synchronized void catchUp() {
            List<RunEventRecord> page;
            do {
                page = log.after(runId, last, PAGE);
                for (RunEventRecord event : page) {
                    if (ended) {
                        return;
                    }
                    send(event);
                }
            } while (page.size() == PAGE && !ended);
        }

        public synchronized boolean ended() {
            return ended;
        }

        /** Ends the stream (the receiver left, or the server ends it); harmless twice. */
        public synchronized void close() {
            if (!ended) {
                ended = true;
                hub.forget(runId, listener);
                sink.end();
            }
        }

        private synchronized void accept(RunEventRecord event) {
            if (ended || event.seq() <= last) {
                return; // sent already, from the log
            }
            if (event.seq() > last + 1) {
                catchUp(); // an earlier event is still on its way: the log has it
                return;
            }
            send(event);
        }

        private void send(RunEventRecord event) {
            if (!sink.send(event)) {
                close();
                return;
            }
            last = event.seq();
            if (event.terminal()) {
                close();
            }
        }
    }
}
