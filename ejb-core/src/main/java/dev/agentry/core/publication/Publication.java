package dev.agentry.core.publication;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A run published to a target: the branch made for it, its one commit, and what the commit rests on.
 *
 * @param runId the published run
 * @param runOwner the credential that owns the run: whom its events are about
 * @param target the target's name
 * @param branch the new branch, {@code agentry/<run-id>}
 * @param commit the branch's one commit (40 hex)
 * @param base the branch it was made on
 * @param baseCommit the base branch's tip, the commit's parent
 * @param bundleId the verified bundle whose patch it is
 * @param paths the paths the commit changes, sorted
 */
public record Publication(
        @NotNull String runId,
        @NotNull String runOwner,
        @NotNull String target,
        @NotNull String branch,
        @NotNull String commit,
        @NotNull String base,
        @NotNull String baseCommit,
        @NotNull String bundleId,
        @NotNull List<String> paths) {

    public Publication {
        paths = List.copyOf(paths);
    }
}
