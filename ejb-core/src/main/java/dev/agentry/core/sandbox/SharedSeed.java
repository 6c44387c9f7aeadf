package dev.agentry.core.sandbox;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What a workspace still shares with its seed, until it is made private: once, before the first
 * process runs in it (see {@link Workspace#makePrivate}). A run that runs no process never pays for
 * the copies.
 */
public final class SharedSeed {

    private final Path root;
    private final Baseline baseline;
    private final ExecutorService pool;
    private final Supplier<WorkBudget> budget;

    private boolean detached;
    private long detachMillis = -1;

    /** @param budget what the copying may take, asked for when it starts */
    public SharedSeed(Path root, Baseline baseline, ExecutorService pool, Supplier<WorkBudget> budget) {
        this.root = root;
        this.baseline = baseline;
        this.pool = pool;
        this.budget = budget;
        this.detached = baseline.shared().isEmpty();
    }

    synchronized void detach() {
        if (detached) {
            return;
        }
        long started = System.nanoTime();
        SeedCopy.detach(root, baseline, pool, budget.get());
        detached = true;
        detachMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /** How long making the workspace private took, when it was done here. */
    public synchronized OptionalLong detachMillis() {
        return detachMillis < 0 ? OptionalLong.empty() : OptionalLong.of(detachMillis);
    }
}
