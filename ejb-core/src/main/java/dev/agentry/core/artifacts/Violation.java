package dev.agentry.core.artifacts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;

/**
 * One thing wrong with a bundle. Codes are stable: {@code missing_manifest}, {@code malformed_manifest},
 * {@code invalid_path}, {@code missing_file}, {@code orphaned_file}, {@code hash_mismatch},
 * {@code size_mismatch}, {@code bundle_id_mismatch}, {@code unsafe_file}.
 *
 * @param path the file concerned, or null for the bundle as a whole
 */
public record Violation(
        @NotNull
        @Pattern(
                regexp = "^(missing_manifest|malformed_manifest|invalid_path|missing_file|orphaned_file"
                        + "|hash_mismatch|size_mismatch|bundle_id_mismatch|unsafe_file)$")
        String code,

        String path,
        @NotNull String message)
        implements Serializable {}
