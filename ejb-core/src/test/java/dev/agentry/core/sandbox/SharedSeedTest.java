package dev.agentry.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace that shares the seed's files by hard links: whatever the run does in it, by its tools or
 * by a process writing in place, the seed and another run's workspace keep every byte and mode.
 */
class SharedSeedTest {

    @TempDir
    Path dir;

    private Path seed;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final StepRunner steps = new StepRunner(10_000, Clock.systemUTC());

    @BeforeEach
    void seed() throws IOException {
        seed = Files.createDirectories(dir.resolve("seed"));
        // More files than one slice, so the pool's threads share the work.
        for (int i = 0; i < 150; i++) {
            write(seed.resolve("pkg" + (i / 50) + "/file" + i + ".txt"), "line of file " + i + "\n");
        }
        write(seed.resolve("greeting.txt"), "Hello\n");
        write(seed.resolve("app.txt"), "broken\n");
        write(seed.resolve("noeol.txt"), "no newline");
        Files.setPosixFilePermissions(seed.resolve("app.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theWorkspaceSharesTheSeedsFilesAndTheBaselineHasTheirHashes() throws IOException {
        Path workspace = dir.resolve("one");
        Baseline baseline = SeedCopy.share(seed, workspace, pool, WorkBudget.unlimited());
        assertEquals(SeedCopy.scan(seed).files(), baseline.files());
        assertEquals(baseline.files().keySet(), baseline.shared().keySet());
        assertEquals(inode(seed.resolve("greeting.txt")), inode(workspace.resolve("greeting.txt")));
        // Nothing written: collection takes every hash from the baseline and finds no change.
        assertEquals(
                baseline.files(),
                SeedCopy.scan(workspace, pool, WorkBudget.unlimited(), baseline).files());
    }

    @Test
    void aCopiedWorkspaceSharesNothing() throws IOException {
        Path workspace = dir.resolve("one");
        Baseline baseline = SeedCopy.copy(seed, workspace, pool, WorkBudget.unlimited());
        assertEquals(SeedCopy.scan(seed).files(), baseline.files());
        assertEquals(Map.of(), baseline.shared());
        assertNotEquals(inode(seed.resolve("greeting.txt")), inode(workspace.resolve("greeting.txt")));
    }

    @Test
    void aToolWriteReplacesASharedFileAndLeavesTheSeedAndAnotherRunAlone() throws IOException {
        Map<String, byte[]> before = contents(seed);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Baseline baseline = SeedCopy.share(seed, one, pool, WorkBudget.unlimited());
        SeedCopy.share(seed, two, pool, WorkBudget.unlimited());
        Workspace workspace = Workspace.at(one, new SharedSeed(one, baseline, pool, WorkBudget::unlimited));

        workspace.replace(workspace.resolve("app.txt"), "fixed\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("fixed\n", Files.readString(one.resolve("app.txt")));
        assertNotEquals(inode(seed.resolve("app.txt")), inode(one.resolve("app.txt")));
        assertSameFiles(before, seed);
        assertSameFiles(before, two);
        Baseline after = SeedCopy.scan(one, pool, WorkBudget.unlimited(), baseline);
        assertEquals(
                FileDigest.of("fixed\n".getBytes(StandardCharsets.UTF_8)),
                after.files().get("app.txt"));
        assertEquals(1, changed(baseline, after).size());
        try (Stream<Path> files = Files.list(one)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".agentry-")), "no file left behind");
        }
    }

    @Test
    void aStepWritingInPlaceChangesOnlyItsOwnWorkspace() throws IOException {
        Map<String, byte[]> before = contents(seed);
        String modes = modes(seed);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Baseline baseline = SeedCopy.share(seed, one, pool, WorkBudget.unlimited());
        SeedCopy.share(seed, two, pool, WorkBudget.unlimited());
        SharedSeed shared = new SharedSeed(one, baseline, pool, WorkBudget::unlimited);

        StepResult result = steps.run(
                new VerifyStep(
                        "in-place",
                        List.of(
                                "sh",
                                "-c",
                                "echo x >> greeting.txt && chmod 600 app.txt && : > noeol.txt"
                                        + " && printf changed > pkg1/file60.txt"),
                        "",
                        Duration.ofSeconds(10)),
                Workspace.at(one, shared),
                Map.of("PATH", "/usr/bin:/bin"),
                Instant.MAX,
                () -> false);

        assertEquals("passed", result.status(), new String(result.stderr(), StandardCharsets.UTF_8));
        assertSameFiles(before, seed);
        assertEquals(modes, modes(seed));
        assertSameFiles(before, two);
        assertTrue(shared.detachMillis().isPresent(), "the workspace was made private before the step");
        assertEquals("Hello\nx\n", Files.readString(one.resolve("greeting.txt")));
        assertEquals("", Files.readString(one.resolve("noeol.txt")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one.resolve("app.txt"))));
        // Collection reads what the step wrote, though it wrote in place: no file is the seed's any more.
        Baseline after = SeedCopy.scan(one, pool, WorkBudget.unlimited(), baseline);
        assertEquals(List.of("greeting.txt", "noeol.txt", "pkg1/file60.txt"), changed(baseline, after));
    }

    @Test
    void aSeedEditedInPlaceDuringTheRunIsReadAgainNotTakenFromTheBaseline() throws IOException {
        Path one = dir.resolve("one");
        Baseline baseline = SeedCopy.share(seed, one, pool, WorkBudget.unlimited());
        Files.writeString(seed.resolve("greeting.txt"), "Hello, edited\n"); // in place, as some editors do
        Baseline after = SeedCopy.scan(one, pool, WorkBudget.unlimited(), baseline);
        assertEquals(
                FileDigest.of("Hello, edited\n".getBytes(StandardCharsets.UTF_8)),
                after.files().get("greeting.txt"));
    }

    @Test
    void aSeedOnAnotherFileSystemIsCopied() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a second file system at /dev/shm");
        Path elsewhere = Files.createTempDirectory(shm, "agentry-seed-");
        try {
            write(elsewhere.resolve("a/b.txt"), "content\n");
            Path workspace = dir.resolve("one");
            Baseline baseline = SeedCopy.share(elsewhere, workspace, pool, WorkBudget.unlimited());
            assumeTrue(!Files.getFileStore(elsewhere).equals(Files.getFileStore(dir)), "/dev/shm is this file system");
            assertEquals(Map.of(), baseline.shared());
            assertEquals(
                    FileDigest.of("content\n".getBytes(StandardCharsets.UTF_8)),
                    baseline.files().get("a/b.txt"));
            assertNotEquals(inode(elsewhere.resolve("a/b.txt")), inode(workspace.resolve("a/b.txt")));
        } finally {
            SeedCopy.delete(elsewhere);
        }
    }

    private static List<String> changed(Baseline before, Baseline after) {
        return after.files().entrySet().stream()
                .filter(e -> !e.getValue().equals(before.files().get(e.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return all;
    }

    private static String modes(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(root.relativize(file))
                        .append(' ')
                        .append(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .append('\n');
            }
        }
        return all.toString();
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Path root) throws IOException {
        Map<String, byte[]> actual = contents(root);
        assertEquals(expected.keySet(), actual.keySet(), root.toString());
        expected.forEach((name, bytes) -> assertEquals(
                new String(bytes, StandardCharsets.ISO_8859_1),
                new String(actual.get(name), StandardCharsets.ISO_8859_1),
                root + "/" + name));
    }
}
