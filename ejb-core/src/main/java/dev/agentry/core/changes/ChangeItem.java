package dev.agentry.core.changes;

import java.time.Instant;

/**
 * One change as the feed shows it.
 *
 * @param cursor resumes the feed right after this change
 * @param snapshot the record after the change as JSON text, redacted as the caller's scopes require;
 *     {@code null} for a delete. Kept as text: most snapshots go out exactly as stored, unparsed.
 */
public record ChangeItem(
        String cursor,
        String resourceType,
        String resourceId,
        String action,
        long version,
        Instant changedAt,
        String snapshot) {}
