package dev.agentry.core.publication;

import jakarta.validation.constraints.NotNull;

/**
 * What publishing a run would make, before anything is written.
 *
 * @param runId the run
 * @param target the target's name
 * @param branch the branch it would create, {@code agentry/<run-id>}
 * @param base the configured base branch, or null for the branch the target's HEAD names
 * @param bundleId the verified bundle whose patch it is
 * @param patch the files and lines the patch changes
 */
public record PublicationPreview(
        @NotNull String runId,
        @NotNull String target,
        @NotNull String branch,
        String base,
        @NotNull String bundleId,
        @NotNull PatchSummary patch) {}
