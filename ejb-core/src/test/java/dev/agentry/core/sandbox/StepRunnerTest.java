package dev.agentry.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRunnerTest {

    @TempDir
    Path root;

    private final StepRunner runner = new StepRunner(1000, Clock.systemUTC());

    @Test
    void exitCodesDecidePassedAndFailed() {
        assertEquals("passed", run(List.of("true"), Duration.ofSeconds(10)).status());
        StepResult failed = run(List.of("sh", "-c", "echo out; echo err >&2; exit 4"), Duration.ofSeconds(10));
        assertEquals("failed", failed.status());
        assertEquals(4, failed.exitCode());
        assertEquals("out\n", new String(failed.stdout(), StandardCharsets.UTF_8));
        assertEquals("err\n", new String(failed.stderr(), StandardCharsets.UTF_8));
        assertEquals(
                "error",
                run(List.of("/no/such/command"), Duration.ofSeconds(10)).status());
    }

    @Test
    void theEnvironmentIsExactlyWhatTheRunGives() {
        StepResult env = runner.run(
                new VerifyStep("env", List.of("/usr/bin/env"), "", Duration.ofSeconds(10)),
                Workspace.at(root),
                Map.of("ONLY", "this"),
                Instant.MAX,
                () -> false);
        assertEquals("ONLY=this\n", new String(env.stdout(), StandardCharsets.UTF_8));
    }

    @Test
    void outputPastTheCapIsDroppedAndMarkedWhileTheProcessKeepsRunningToItsDeadline() {
        StepResult flood = run(List.of("yes"), Duration.ofMillis(500));
        assertEquals("timed_out", flood.status());
        assertEquals(1000, flood.stdout().length);
        assertTrue(flood.stdoutTruncated());
        assertFalse(flood.stderrTruncated());
    }

    @Test
    void aCancelStopsTheStep() {
        long started = System.nanoTime();
        StepResult cancelled = runner.run(
                new VerifyStep("sleep", List.of("sleep", "30"), "", Duration.ofSeconds(60)),
                Workspace.at(root),
                Map.of(),
                Instant.MAX,
                () -> System.nanoTime() - started > 200_000_000);
        assertEquals("cancelled", cancelled.status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
    }

    private StepResult run(List<String> command, Duration timeout) {
        return runner.run(
                new VerifyStep("step", command, "", timeout),
                Workspace.at(root),
                Map.of("PATH", "/usr/bin:/bin"),
                Instant.MAX,
                () -> false);
    }
}
