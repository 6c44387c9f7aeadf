package dev.agentry.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** git itself, not our code, judges a run's patch: the tests need git on the machine (the README says so). */
public final class Git {

    private Git() {}

    /** Applies {@code patch} to {@code directory} as {@code git apply} does, after {@code git apply --check}. */
    public static void apply(Path directory, String patch) throws IOException, InterruptedException {
        Path file = Files.createTempFile("agentry-patch-", ".diff");
        try {
            Files.writeString(file, patch);
            run(directory, "apply", "--check", file.toString());
            run(directory, "apply", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(Path directory, String... args) throws IOException, InterruptedException {
        output(directory, args);
    }

    /** Runs {@code git args…} in {@code directory}, asserts it succeeded, and returns its output as text. */
    public static String output(Path directory, String... args) throws IOException, InterruptedException {
        return new String(bytes(directory, args), StandardCharsets.UTF_8);
    }

    /** Runs {@code git args…} in {@code directory}, asserts it succeeded, and returns its output byte for byte. */
    public static byte[] bytes(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertEquals(
                0,
                process.waitFor(),
                () -> String.join(" ", command) + ": " + new String(output, StandardCharsets.UTF_8));
        return output;
    }
}
