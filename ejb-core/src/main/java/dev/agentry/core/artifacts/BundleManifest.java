package dev.agentry.core.artifacts;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;

/**
 * A bundle's {@code manifest.json} as {@link BundleWriter} writes it and {@code GET /runs/{id}/artifacts} serves it,
 * published as the {@code artifact-manifest} schema.
 */
@Doc(BundleWriter.SCHEMA + ": every file of a bundle; written last")
public record BundleManifest(
        @NotNull @Pattern(regexp = "^sha256:[0-9a-f]{64}$") String bundleId,
        @NotNull String runId,
        @NotNull Instant createdAt,
        @NotNull List<File> files) {

    public static final String SCHEMA = BundleWriter.SCHEMA;

    /** One file of the bundle, by its path inside it. */
    public record File(
            @NotNull String path,
            @NotNull @Doc("e.g. patch, transcript, report") String kind,
            @Min(0) long size,
            @NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String sha256) {}
}
