package dev.agentry.core.publication;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * What a run's patch changes, file by file, with the lines it adds and removes: what a simulation of
 * {@code artifact.apply} shows an approver, read from the patch alone (nothing is written).
 *
 * @param files the files it changes, by path
 * @param linesAdded lines added over every file
 * @param linesRemoved lines removed over every file
 */
@Doc("The files a patch changes and the lines it adds and removes")
public record PatchSummary(@NotNull List<FileChange> files, int linesAdded, int linesRemoved) {

    public PatchSummary {
        files = List.copyOf(files);
    }

    /**
     * One file of the patch.
     *
     * @param path the path it has after the patch (before, for a delete)
     * @param change add, modify, delete, rename or copy
     * @param binary whether the patch replaces it whole (no lines counted)
     */
    @Doc("One file a patch changes")
    public record FileChange(
            @NotNull String path, @NotNull String change, int linesAdded, int linesRemoved, boolean binary) {}

    /** Refuses a malformed or empty patch with {@code patch_does_not_apply}, as publishing it would. */
    static PatchSummary of(byte[] patch) {
        Patch parsed;
        try {
            parsed = PatchPublisher.parse(patch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FileChange> files = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (FileHeader file : parsed.getFiles()) {
            int plus = 0;
            int minus = 0;
            for (HunkHeader hunk : file.getHunks()) {
                for (Edit edit : hunk.toEditList()) {
                    plus += edit.getLengthB();
                    minus += edit.getLengthA();
                }
            }
            files.add(new FileChange(
                    file.getChangeType() == ChangeType.DELETE ? file.getOldPath() : file.getNewPath(),
                    file.getChangeType().name().toLowerCase(Locale.ROOT),
                    plus,
                    minus,
                    file.getPatchType() != FileHeader.PatchType.UNIFIED));
            added += plus;
            removed += minus;
        }
        files.sort(Comparator.comparing(FileChange::path));
        return new PatchSummary(files, added, removed);
    }
}
