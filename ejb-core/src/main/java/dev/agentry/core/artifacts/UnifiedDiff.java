package dev.agentry.core.artifacts;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.agentry.core.sandbox.Baseline;
import dev.agentry.core.sandbox.FileDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The changes between a baseline and a workspace as one git-style unified diff (so {@code git apply}
 * takes it, added and deleted files included) and the list of changed files. Lines keep their line
 * ends, so a missing newline at the end of a file is a change and is marked the way git marks it.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    /** The patch text and the files it covers. */
    public record Result(String patch, List<ChangedFile> files) {}

    private UnifiedDiff() {}

    public static Result between(Path baselineDir, Baseline baseline, Path workspaceDir, Baseline current) {
        TreeSet<String> names = new TreeSet<>(baseline.files().keySet());
        names.addAll(current.files().keySet());
        StringBuilder patch = new StringBuilder();
        List<ChangedFile> files = new ArrayList<>();
        for (String name : names) {
            String before = baseline.files().get(name);
            String after = current.files().get(name);
            if (before != null && before.equals(after)) {
                continue;
            }
            String change = before == null ? "added" : after == null ? "deleted" : "modified";
            String oldText = before == null ? "" : text(baselineDir.resolve(name), before);
            String newText = after == null ? "" : text(workspaceDir.resolve(name));
            boolean binary = (before != null && oldText == null) || (after != null && newText == null);
            files.add(new ChangedFile(name, change, before, after, binary));
            patch.append("diff --git a/")
                    .append(name)
                    .append(" b/")
                    .append(name)
                    .append('\n');
            if (change.equals("added")) {
                patch.append("new file mode 100644\n");
            } else if (change.equals("deleted")) {
                patch.append("deleted file mode 100644\n");
            }
            if (binary) {
                patch.append("Binary files ")
                        .append(before == null ? "/dev/null" : "a/" + name)
                        .append(" and ")
                        .append(after == null ? "/dev/null" : "b/" + name)
                        .append(" differ\n");
                continue;
            }
            if (oldText.isEmpty() && newText.isEmpty()) {
                continue; // an empty file added or deleted: the header says it all
            }
            patch.append("--- ")
                    .append(before == null ? "/dev/null" : "a/" + name)
                    .append('\n');
            patch.append("+++ ")
                    .append(after == null ? "/dev/null" : "b/" + name)
                    .append('\n');
            hunks(lines(oldText), lines(newText), patch);
        }
        return new Result(patch.toString(), files);
    }

    private static void hunks(List<String> oldLines, List<String> newLines, StringBuilder patch) {
        Patch<String> diff = DiffUtils.diff(oldLines, newLines);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a", "b", oldLines, diff, CONTEXT);
        // The first two lines are the library's own file headers; ours are written above.
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            if (line.startsWith("@@")) {
                patch.append(line).append('\n');
            } else if (line.endsWith("\n")) {
                patch.append(line);
            } else {
                patch.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** The lines of a text, each with its line end. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * An original as UTF-8 text, or null when it is binary. Originals are read where the seed lives, so
     * their hash is checked: a seed changed during the run would make the patch a lie.
     */
    private static String text(Path file, String expectedSha256) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!FileDigest.of(bytes).equals(expectedSha256)) {
                throw new IllegalStateException(
                        "The seed's " + file.getFileName() + " changed while the run used it; no patch can be made.");
            }
            return decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 text, or null when it is binary (a NUL byte or invalid UTF-8). */
    private static String decode(byte[] bytes) {
        try {
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
