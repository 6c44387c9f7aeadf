package dev.agentry.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.sandbox.SeedCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        String patch = diff.patch();
        assertTrue(patch.contains("diff --git a/edit.txt b/edit.txt\n--- a/edit.txt\n+++ b/edit.txt\n"), patch);
        assertTrue(patch.contains("-b\n-c\n+B\n+c\n\\ No newline at end of file\n"), patch);
        assertTrue(
                patch.contains(
                        "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n"),
                patch);
        assertTrue(
                patch.contains("diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n"),
                patch);
        assertTrue(patch.contains("Binary files /dev/null and b/blob.bin differ\n"), patch);
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
}
