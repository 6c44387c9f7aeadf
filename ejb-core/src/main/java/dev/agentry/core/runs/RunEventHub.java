package dev.agentry.core.runs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Who listens to which run's events, in this server. A committed event is handed to a run's
 * listeners on a managed thread, never on the committing one (which may be a run's job); listeners
 * put events in order themselves ({@link RunEventFeed}), so the handing over may race.
 */
@ApplicationScoped
public class RunEventHub {

    private static final Logger LOG = Logger.getLogger(RunEventHub.class);

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Set<Consumer<RunEventRecord>>> listeners = new ConcurrentHashMap<>();

    void listen(String runId, Consumer<RunEventRecord> listener) {
        listeners.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    void forget(String runId, Consumer<RunEventRecord> listener) {
        listeners.computeIfPresent(runId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(RunEventRecord event) {
        Set<Consumer<RunEventRecord>> current = listeners.get(event.runId());
        if (current == null || current.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> current.forEach(listener -> listener.accept(event)));
        } catch (RejectedExecutionException e) {
            // The listeners fill the gap from the log with the next event they get.
            LOG.debugf("Run %s: event %d not handed to its streams now", event.runId(), event.seq());
        }
    }

    /** How many streams listen, over all runs. */
    public int listening() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
