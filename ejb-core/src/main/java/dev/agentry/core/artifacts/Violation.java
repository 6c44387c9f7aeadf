package dev.agentry.core.artifacts;

/**
 * One thing wrong with a bundle. Codes are stable: {@code missing_manifest}, {@code malformed_manifest},
 * {@code invalid_path}, {@code missing_file}, {@code orphaned_file}, {@code hash_mismatch},
 * {@code size_mismatch}, {@code bundle_id_mismatch}, {@code unsafe_file}.
 *
 * @param path the file concerned, or null for the bundle as a whole
 */
public record Violation(String code, String path, String message) {}
