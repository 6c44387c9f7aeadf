package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.sandbox.Redactor;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ActiveRunTest {

    @Test
    void stoppingARunInterruptsItsFileWorkOnlyAndLeavesTheThreadCleanAfterwards() throws Exception {
        ActiveRun run =
                new ActiveRun("run_1", null, null, new Grant("cred", Set.of()), Set.of(), Redactor.none(), null);
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean cleanAfter = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try (ActiveRun.FileWork work = run.fileWork()) {
                working.countDown();
                // Work that notices the interrupt without consuming it (as NIO channels do), so the flag is
                // still set when the file work closes: closing must clear it.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                interrupted.set(Thread.currentThread().isInterrupted());
            }
            cleanAfter.set(!Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertTrue(working.await(5, TimeUnit.SECONDS));
        run.stop();
        worker.join(5_000);
        assertFalse(worker.isAlive(), "the file work stopped");
        assertTrue(interrupted.get());
        assertTrue(run.ended, "the cooperative checks see the run ended");
        assertTrue(cleanAfter.get(), "no interrupt outlives the file work");

        // Outside file work a stop only sets the flag: a database call in progress is never interrupted.
        ActiveRun idle =
                new ActiveRun("run_2", null, null, new Grant("cred", Set.of()), Set.of(), Redactor.none(), null);
        idle.stop();
        assertTrue(idle.ended);
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
