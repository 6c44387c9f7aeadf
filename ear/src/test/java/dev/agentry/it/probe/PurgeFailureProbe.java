package dev.agentry.it.probe;

import dev.agentry.core.retention.Purge;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: makes one chunk of a retention step fail, as a crash or a database error mid-pass would, so
 * the restart from the checkpoint can be proven. Armed for one kind and chunk number; fires once.
 */
@Decorator
@Dependent
@Priority(1000)
public abstract class PurgeFailureProbe implements Purge {

    private static volatile String armedKind;
    private static final AtomicInteger CHUNKS_LEFT = new AtomicInteger();

    @Inject
    @Delegate
    @Any
    Purge delegate;

    /** The {@code chunk}-th purge of {@code kind} from now fails. */
    public static void arm(String kind, int chunk) {
        CHUNKS_LEFT.set(chunk);
        armedKind = kind;
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        if (delegate.kind().wire().equals(armedKind) && CHUNKS_LEFT.decrementAndGet() == 0) {
            armedKind = null;
            throw new IllegalStateException("probe: this chunk fails");
        }
        return delegate.purge(now, keys);
    }
}
