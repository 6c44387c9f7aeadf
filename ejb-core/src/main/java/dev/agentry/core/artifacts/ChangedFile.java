package dev.agentry.core.artifacts;

/**
 * One file a run added, modified or deleted.
 *
 * @param change {@code added}, {@code modified} or {@code deleted}
 * @param before SHA-256 at seed time, null when added
 * @param after SHA-256 at collection time, null when deleted
 * @param binary true when the patch carries no text hunk for it
 */
public record ChangedFile(String path, String change, String before, String after, boolean binary) {}
