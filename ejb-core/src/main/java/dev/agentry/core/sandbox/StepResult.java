package dev.agentry.core.sandbox;

import java.util.List;

/**
 * What one verify step did. Output is captured up to the cap per stream; past it, the rest is read
 * and dropped so the process never blocks, and {@code truncated} says so.
 *
 * @param status {@code passed}, {@code failed}, {@code timed_out}, {@code cancelled} or {@code error}
 * @param exitCode the process's exit code, or -1 when it was killed or never started
 */
public record StepResult(
        String name,
        List<String> command,
        String status,
        int exitCode,
        long durationMs,
        byte[] stdout,
        boolean stdoutTruncated,
        byte[] stderr,
        boolean stderrTruncated) {

    public static final String TRUNCATED_MARKER = "\n[agentry: output truncated at the per-stream cap]\n";

    public boolean passed() {
        return status.equals("passed");
    }
}
