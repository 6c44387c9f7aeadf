package dev.agentry.core.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs verify steps: {@link ProcessBuilder} with the argument array, a scrubbed environment, output
 * capped per stream, and a deadline after which the whole process tree is stopped, children that
 * ignore SIGTERM and grandchildren that outlived their parent included. No step starts in a workspace
 * that still shares files with its seed ({@link Workspace#makePrivate}).
 */
public final class StepRunner {

    /** How long a process tree has between SIGTERM and SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final long POLL_MILLIS = 100;

    private final long outputCap;
    private final Clock clock;

    public StepRunner(long outputCap, Clock clock) {
        this.outputCap = outputCap;
        this.clock = clock;
    }

    /**
     * Runs the step in the workspace.
     *
     * @param environment the complete environment of the process: nothing else is inherited
     * @param deadline when the step is stopped, whichever of its own timeout and this comes first
     * @param stop asked every poll; true stops the step as cancelled
     */
    public StepResult run(
            VerifyStep step,
            Workspace workspace,
            Map<String, String> environment,
            Instant deadline,
            BooleanSupplier stop) {
        Instant started = clock.instant();
        Instant ownDeadline = started.plus(step.timeout());
        Instant until = ownDeadline.isBefore(deadline) ? ownDeadline : deadline;
        Path directory;
        try {
            directory = workspace.resolve(step.workingDirectory() == null ? "" : step.workingDirectory());
        } catch (SandboxViolation e) {
            return failedToStart(step, started, e.getMessage());
        }
        if (!Files.isDirectory(directory)) {
            return failedToStart(step, started, "The working directory does not exist: " + step.workingDirectory());
        }
        try {
            // A process can write any file in place: none may still be the seed's when it starts.
            workspace.makePrivate();
        } catch (RuntimeException e) {
            return failedToStart(step, started, "The workspace could not be readied for the step.");
        }
        ProcessBuilder builder = new ProcessBuilder(step.command()).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return failedToStart(
                    step,
                    started,
                    "The command could not be started: " + step.command().get(0));
        }
        CappedReader out = new CappedReader(process.getInputStream(), outputCap);
        CappedReader err = new CappedReader(process.getErrorStream(), outputCap);
        out.start();
        err.start();
        String status = null;
        // Every process the step forked, seen while it ran: one that outlives its parent is no longer
        // a descendant of the step, and must still be stopped with it.
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        seen.add(process.toHandle());
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(seen::add);
                if (stop.getAsBoolean()) {
                    status = "cancelled";
                    break;
                }
                if (!clock.instant().isBefore(until)) {
                    status = "timed_out";
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "cancelled";
        }
        // On a normal exit too: a grandchild may still run and hold the pipes open.
        stopTree(process, seen);
        out.finish();
        err.finish();
        int exit = status == null ? process.exitValue() : -1;
        if (status == null) {
            status = exit == 0 ? "passed" : "failed";
        }
        return new StepResult(
                step.name(),
                step.command(),
                status,
                exit,
                Duration.between(started, clock.instant()).toMillis(),
                out.bytes(),
                out.truncated(),
                err.bytes(),
                err.truncated());
    }

    private StepResult failedToStart(VerifyStep step, Instant started, String why) {
        return new StepResult(
                step.name(),
                step.command(),
                "error",
                -1,
                Duration.between(started, clock.instant()).toMillis(),
                new byte[0],
                false,
                why.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false);
    }

    /**
     * SIGTERM to the process and every descendant, then SIGKILL to whatever is left. The tree is
     * taken before anything is signalled, joined with every process seen while the step ran: once a
     * parent dies its children are re-parented and no longer show as its descendants.
     */
    static void stopTree(Process process, Set<ProcessHandle> seen) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(seen);
        process.descendants().forEach(tree::add);
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        tree.forEach(ProcessHandle::destroy);
        long graceEnds = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < graceEnds && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            // Late forks of the tree are caught too, as long as an ancestor is still alive.
            List<ProcessHandle> alive = new ArrayList<>(tree);
            alive.stream()
                    .filter(ProcessHandle::isAlive)
                    .forEach(h -> h.descendants().forEach(tree::add));
            sleep();
        }
        List<ProcessHandle> alive = new ArrayList<>(tree);
        alive.stream()
                .filter(ProcessHandle::isAlive)
                .forEach(h -> h.descendants().forEach(tree::add));
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one stream to its end, keeping the first {@code cap} bytes. */
    private static final class CappedReader extends Thread {
        private final InputStream in;
        private final long cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        CappedReader(InputStream in, long cap) {
            super("agentry-step-output");
            setDaemon(true);
            this.in = in;
            this.cap = cap;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[64 * 1024];
            try (in) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    long room = cap - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, (int) Math.min(room, read));
                    }
                    if (read > room) {
                        truncated = true;
                    }
                }
            } catch (IOException e) {
                // the stream closed under us when the process tree was killed
            }
        }

        void finish() {
            try {
                join(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (isAlive()) {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        byte[] bytes() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }

        boolean truncated() {
            return truncated;
        }
    }
}
