package dev.agentry.core.artifacts;

import dev.agentry.core.sandbox.Baseline;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.WorkBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.util.io.BinaryHunkOutputStream;

/**
 * The changes between a baseline and a workspace as one git-style patch that {@code git apply} takes,
 * and the list of changed files. Text files get JGit's histogram diff with three lines of context (a
 * missing final newline is marked as git marks it). A binary file, or a text file over
 * {@link #MAX_TEXT_BYTES} or {@link #MAX_TEXT_LINES} on either side, is a whole-file change: a
 * {@code GIT binary patch} holding the new content (nothing for a deletion), with the full git object
 * ids git apply checks the preimage and the result against. So the work is linear in the files' size
 * whatever they hold, and it stops at its {@link WorkBudget}, keeping the files already done.
 */
public final class UnifiedDiff {

    /** Above this many bytes on either side a file is a whole-file change, not a line diff. */
    public static final long MAX_TEXT_BYTES = 1024 * 1024;
    /** Above this many lines on either side a file is a whole-file change, not a line diff. */
    public static final int MAX_TEXT_LINES = 20_000;

    private static final int CONTEXT = 3;
    private static final int CHUNK = 64 * 1024;
    private static final String NO_OBJECT = "0".repeat(40);

    /**
     * The patch, the files it covers, and why it stopped short of the rest.
     *
     * @param stoppedBy null when every change is in, else {@link WorkBudget#TIME} or {@link WorkBudget#BYTES}
     */
    public record Result(byte[] patch, List<ChangedFile> files, String stoppedBy) {

        public Result {
            files = List.copyOf(files);
        }

        public String text() {
            return new String(patch, StandardCharsets.UTF_8);
        }

        public boolean complete() {
            return stoppedBy == null;
        }
    }

    private UnifiedDiff() {}

    /** Every change, unredacted and unbounded but by an interrupt: for small inputs and tests. */
    public static Result between(Path baselineDir, Baseline baseline, Path workspaceDir, Baseline current) {
        return between(baselineDir, baseline, workspaceDir, current, WorkBudget.unlimited(), UnaryOperator.identity());
    }

    /**
     * The changes, file by file in name order, until the budget runs out: a file is in the result
     * whole or not at all, so what is returned always applies. Text hunks and whole-file content pass
     * through {@code redact}; a whole-file change carries the redacted content (as a text hunk does).
     *
     * @throws WorkBudget.Exhausted when the work was stopped from outside: nothing is worth keeping then
     */
    public static Result between(
            Path baselineDir,
            Baseline baseline,
            Path workspaceDir,
            Baseline current,
            WorkBudget budget,
            UnaryOperator<String> redact) {
        TreeSet<String> names = new TreeSet<>(baseline.files().keySet());
        names.addAll(current.files().keySet());
        ByteArrayOutputStream patch = new ByteArrayOutputStream();
        List<ChangedFile> files = new ArrayList<>();
        for (String name : names) {
            String before = baseline.files().get(name);
            String after = current.files().get(name);
            if (before != null && before.equals(after)) {
                continue;
            }
            try {
                budget.check();
                Side old = before == null ? null : new Side(baselineDir.resolve(name), before);
                Side now = after == null ? null : new Side(workspaceDir.resolve(name), null);
                FileChange change = change(name, old, now, budget, redact);
                budget.spend(change.section().length);
                patch.writeBytes(change.section());
                files.add(new ChangedFile(
                        name,
                        before == null ? "added" : after == null ? "deleted" : "modified",
                        before,
                        after,
                        change.wholeFile()));
            } catch (WorkBudget.Exhausted e) {
                if (e.stopped()) {
                    throw e;
                }
                return new Result(patch.toByteArray(), files, e.reason());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(patch.toByteArray(), files, null);
    }

    /** One side of a change; {@code sha256} is what the baseline recorded for an original, else null. */
    private record Side(Path file, String sha256) {}

    private record FileChange(byte[] section, boolean wholeFile) {}

    private static FileChange change(String name, Side old, Side now, WorkBudget budget, UnaryOperator<String> redact)
            throws IOException {
        byte[] oldText = old == null ? new byte[0] : smallText(old, budget);
        byte[] newText = now == null ? new byte[0] : smallText(now, budget);
        Bounded out = new Bounded(budget);
        header(out, name, old, now);
        if (oldText == null || newText == null) {
            wholeFile(out, name, old, now, budget, redact);
            return new FileChange(out.toByteArray(), true);
        }
        if (oldText.length == 0 && newText.length == 0) {
            return new FileChange(out.toByteArray(), false); // an empty file added or deleted: the header says it all
        }
        line(out, "--- " + (old == null ? "/dev/null" : "a/" + name));
        line(out, "+++ " + (now == null ? "/dev/null" : "b/" + name));
        RawText a = new RawText(oldText);
        RawText b = new RawText(newText);
        // Without a fallback a region too repetitive for the histogram becomes one replace edit, so the
        // diff stays near-linear however the lines repeat (git's own Myers fallback is not).
        HistogramDiff histogram = new HistogramDiff();
        histogram.setFallbackAlgorithm(null);
        EditList edits = histogram.diff(RawTextComparator.DEFAULT, a, b);
        Bounded hunks = new Bounded(budget);
        try (DiffFormatter formatter = new DiffFormatter(hunks)) {
            formatter.setContext(CONTEXT);
            formatter.format(edits, a, b);
        }
        out.writeBytes(redact.apply(hunks.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return new FileChange(out.toByteArray(), false);
    }

    private static void header(OutputStream out, String name, Side old, Side now) throws IOException {
        line(out, "diff --git a/" + name + " b/" + name);
        if (old == null) {
            line(out, "new file mode 100644");
        } else if (now == null) {
            line(out, "deleted file mode 100644");
        }
    }

    /**
     * A whole-file change: the full object ids (git apply refuses a binary patch without them and checks
     * both), then the new content deflated and base-85 encoded as git writes it ({@code literal 0} for a
     * deletion). No reverse hunk: git does not need one to apply the patch.
     */
    private static void wholeFile(
            Bounded out, String name, Side old, Side now, WorkBudget budget, UnaryOperator<String> redact)
            throws IOException {
        String oldId = old == null ? NO_OBJECT : checkedObjectId(old, budget);
        byte[] content = now == null ? new byte[0] : redacted(now.file(), budget, redact);
        String newId = now == null ? NO_OBJECT : objectId(content);
        line(out, "index " + oldId + ".." + newId);
        line(out, "GIT binary patch");
        line(out, "literal " + content.length);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(new BinaryHunkOutputStream(new Unclosed(out)))) {
            for (int from = 0; from < content.length; from += CHUNK) {
                budget.check();
                deflated.write(content, from, Math.min(CHUNK, content.length - from));
            }
        }
        line(out, "");
        budget.check();
    }

    /**
     * The bytes of a file small enough for a line diff and text (no NUL, valid UTF-8), or null when
     * it is to be a whole-file change. An original's hash is checked: a seed changed during the run
     * would make the patch a lie.
     */
    private static byte[] smallText(Side side, WorkBudget budget) throws IOException {
        if (Files.size(side.file()) > MAX_TEXT_BYTES) {
            return null;
        }
        budget.check();
        byte[] bytes = Files.readAllBytes(side.file());
        if (side.sha256() != null && !FileDigest.of(bytes).equals(side.sha256())) {
            throw changedSeed(side.file());
        }
        if (!isText(bytes)) {
            return null;
        }
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n' && ++lines > MAX_TEXT_LINES) {
                return null;
            }
        }
        return bytes;
    }

    /** The git blob id of an original, read once in chunks, its SHA-256 checked on the way. */
    private static String checkedObjectId(Side side, WorkBudget budget) throws IOException {
        MessageDigest sha1 = blobDigest(Files.size(side.file()));
        MessageDigest sha256 = FileDigest.sha256();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(side.file())) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                budget.check();
                sha1.update(buffer, 0, read);
                sha256.update(buffer, 0, read);
            }
        }
        if (!HexFormat.of().formatHex(sha256.digest()).equals(side.sha256())) {
            throw changedSeed(side.file());
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /**
     * A new file's content for a whole-file change, through the redactor (as UTF-8 text when it is
     * text, else byte for byte as Latin-1, so bytes that are no secret come back unchanged). A file
     * larger than the whole byte budget cannot be carried and ends the work.
     */
    private static byte[] redacted(Path file, WorkBudget budget, UnaryOperator<String> redact) throws IOException {
        long size = Files.size(file);
        if (size > budget.remainingBytes()) {
            budget.spend(size); // throws: more than the bundle may still hold
        }
        budget.check();
        byte[] bytes = Files.readAllBytes(file);
        budget.check();
        var charset = isText(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(bytes, charset);
        String clean = redact.apply(text);
        return clean.equals(text) ? bytes : clean.getBytes(charset);
    }

    private static String objectId(byte[] content) {
        MessageDigest sha1 = blobDigest(content.length);
        sha1.update(content);
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** A SHA-1 primed with git's blob header, so its digest is the id git gives the content. */
    private static MessageDigest blobDigest(long size) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            return sha1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalStateException changedSeed(Path file) {
        return new IllegalStateException(
                "The seed's " + file.getFileName() + " changed while the run used it; no patch can be made.");
    }

    /** Text: no NUL byte and valid UTF-8. */
    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A buffer that asks the budget before it grows: a hunk or a literal too large for what the
     * bundle may still hold ends the work at the write that would pass it, not after.
     */
    private static final class Bounded extends ByteArrayOutputStream {
        private final WorkBudget budget;

        Bounded(WorkBudget budget) {
            this.budget = budget;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            admit(length);
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            admit(1);
            super.write(b);
        }

        private void admit(int length) {
            if (count + (long) length > budget.remainingBytes()) {
                budget.spend(count + (long) length); // throws: over the byte budget
            }
            budget.check();
        }
    }

    /** Lets the encoder finish its last line without closing the buffer it writes to. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
