package dev.agentry.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.WorkBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @TempDir
    Path dir;

    @Test
    void addedModifiedAndDeletedFilesGetGitHeadersAndAMissingFinalNewlineIsMarked() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        Files.writeString(before.resolve("same.txt"), "same\n");
        Files.writeString(after.resolve("same.txt"), "same\n");
        Files.writeString(before.resolve("edit.txt"), "a\nb\nc\n");
        Files.writeString(after.resolve("edit.txt"), "a\nB\nc");
        Files.writeString(before.resolve("gone.txt"), "bye\n");
        Files.writeString(after.resolve("new.txt"), "hi\n");
        Files.write(after.resolve("blob.bin"), new byte[] {0, 1, 2});

        UnifiedDiff.Result diff = UnifiedDiff.between(before, SeedCopy.scan(before), after, SeedCopy.scan(after));

        assertEquals(
                List.of(
                        "blob.bin:added:true",
                        "edit.txt:modified:false",
                        "gone.txt:deleted:false",
                        "new.txt:added:false"),
                diff.files().stream()
                        .map(f -> f.path() + ":" + f.change() + ":" + f.binary())
                        .toList());
        String patch = diff.text();
        assertTrue(patch.contains("diff --git a/edit.txt b/edit.txt\n--- a/edit.txt\n+++ b/edit.txt\n"), patch);
        assertTrue(patch.contains("-b\n-c\n+B\n+c\n\\ No newline at end of file\n"), patch);
        assertTrue(
                patch.contains(
                        "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n"),
                patch);
        assertTrue(
                patch.contains("diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n"),
                patch);
        // A binary file is a whole-file change git apply can take (it was "Binary files ... differ", which it cannot).
        assertTrue(
                patch.contains("diff --git a/blob.bin b/blob.bin\nnew file mode 100644\nindex " + "0".repeat(40)
                        + "..8352675d67aed6625ece79af41c27fdb4ee2e867\nGIT binary patch\nliteral 3\n"),
                patch);
        assertEquals(-1, patch.indexOf("same.txt"));
    }

    @Test
    void anOriginalThatChangedSinceItsBaselineWasTakenStopsThePatch() throws Exception {
        Path before = Files.createDirectories(dir.resolve("seed"));
        Path after = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(before.resolve("a.txt"), "one\n");
        Files.writeString(after.resolve("a.txt"), "two\n");
        var baseline = SeedCopy.scan(before);
        Files.writeString(before.resolve("a.txt"), "changed by someone else\n");
        assertThrows(
                IllegalStateException.class, () -> UnifiedDiff.between(before, baseline, after, SeedCopy.scan(after)));
    }

    @Test
    void largeManyLineAndBinaryFilesAreWholeFileChangesAndThePatchAppliesWithGit() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        // 873,813 lines of 24 bytes: 20 MiB, the file that once kept a quadratic diff busy for hours.
        byte[] big = "twenty-four bytes a line\n"
                .substring(0, 23)
                .concat("\n")
                .repeat(873_813)
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(20 * 1024 * 1024 - 8, big.length);
        Files.write(before.resolve("big.txt"), big);
        String manyLines = "x\n".repeat(UnifiedDiff.MAX_TEXT_LINES + 1);
        Files.writeString(before.resolve("many.txt"), manyLines);
        Files.writeString(after.resolve("many.txt"), manyLines + "one more\n");
        Files.write(before.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        Files.write(after.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 2, 3});
        Files.writeString(before.resolve("small.txt"), "a\nb\nc\nd\ne\nf\ng\n");
        Files.writeString(after.resolve("small.txt"), "a\nb\nc\nD\ne\nf\ng\n");
        Path repo = copy(before, dir.resolve("repo"));

        long started = System.nanoTime();
        UnifiedDiff.Result diff = UnifiedDiff.between(before, SeedCopy.scan(before), after, SeedCopy.scan(after));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "linear in the files' size");

        assertTrue(diff.complete());
        assertEquals(
                List.of(
                        "big.txt:deleted:true",
                        "image.png:modified:true",
                        "many.txt:modified:true",
                        "small.txt:modified:false"),
                diff.files().stream()
                        .map(f -> f.path() + ":" + f.change() + ":" + f.binary())
                        .toList());
        String patch = diff.text();
        assertTrue(patch.contains("diff --git a/big.txt b/big.txt\ndeleted file mode 100644\nindex "), patch);
        assertTrue(patch.contains("..0000000000000000000000000000000000000000\nGIT binary patch\nliteral 0\n"), patch);
        assertTrue(patch.length() < 64 * 1024, "a whole-file deletion carries no content: " + patch.length());
        assertTrue(patch.contains("@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"), patch);

        Path file = dir.resolve("patch.diff");
        Files.write(file, diff.patch());
        git(repo, "apply", "--check", file.toString());
        git(repo, "apply", file.toString());
        assertFalse(Files.exists(repo.resolve("big.txt")));
        assertEquals(manyLines + "one more\n", Files.readString(repo.resolve("many.txt")));
        assertArrayEquals(
                Files.readAllBytes(after.resolve("image.png")), Files.readAllBytes(repo.resolve("image.png")));
        assertEquals(Files.readString(after.resolve("small.txt")), Files.readString(repo.resolve("small.txt")));
    }

    @Test
    void aWholeFileChangeCarriesRedactedContentThatStillApplies() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        Files.write(after.resolve("secret.bin"), "\0key=s3cr3t-value\0".getBytes(StandardCharsets.UTF_8));
        Path repo = copy(before, dir.resolve("repo"));
        UnifiedDiff.Result diff = UnifiedDiff.between(
                before,
                SeedCopy.scan(before),
                after,
                SeedCopy.scan(after),
                WorkBudget.unlimited(),
                text -> text.replace("s3cr3t-value", "[REDACTED]"));
        Path file = dir.resolve("patch.diff");
        Files.write(file, diff.patch());
        git(repo, "apply", file.toString());
        assertEquals("\0key=[REDACTED]\0", Files.readString(repo.resolve("secret.bin")));
    }

    @Test
    void theBudgetKeepsTheFilesDoneAndSaysWhyItStopped() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        Files.writeString(after.resolve("a.txt"), "small\n");
        Files.writeString(after.resolve("b.txt"), "x".repeat(10_000) + "\n");
        Files.writeString(after.resolve("c.txt"), "small too\n");
        Path repo = copy(before, dir.resolve("repo"));

        UnifiedDiff.Result bytes = UnifiedDiff.between(
                before,
                SeedCopy.scan(before),
                after,
                SeedCopy.scan(after),
                WorkBudget.of(Duration.ofMinutes(1), 1_000, () -> false),
                UnaryOperator.identity());
        assertEquals(WorkBudget.BYTES, bytes.stoppedBy());
        assertEquals(
                List.of("a.txt"), bytes.files().stream().map(ChangedFile::path).toList());
        Path file = dir.resolve("partial.diff");
        Files.write(file, bytes.patch());
        git(repo, "apply", file.toString());
        assertEquals("small\n", Files.readString(repo.resolve("a.txt")));

        UnifiedDiff.Result time = UnifiedDiff.between(
                before,
                SeedCopy.scan(before),
                after,
                SeedCopy.scan(after),
                WorkBudget.of(Duration.ZERO, Long.MAX_VALUE, () -> false),
                UnaryOperator.identity());
        assertEquals(WorkBudget.TIME, time.stoppedBy());
        assertEquals(0, time.patch().length);

        WorkBudget.Exhausted stopped = assertThrows(
                WorkBudget.Exhausted.class,
                () -> UnifiedDiff.between(
                        before,
                        SeedCopy.scan(before),
                        after,
                        SeedCopy.scan(after),
                        WorkBudget.of(Duration.ofMinutes(1), Long.MAX_VALUE, () -> true),
                        UnaryOperator.identity()));
        assertTrue(stopped.stopped());
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
        return to;
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            // The build needs git (the README says so): a missing git is a failure, not a skipped check.
            throw new AssertionError("git is not installed", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
