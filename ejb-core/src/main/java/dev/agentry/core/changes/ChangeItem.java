package dev.agentry.core.changes;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * One change as the feed shows it.
 *
 * @param cursor resumes the feed right after this change
 * @param snapshot the record after the change, redacted as the caller's scopes require; {@code null}
 *     for a delete
 */
@JsonbNillable // a tombstone shows "snapshot": null rather than leaving it out
public record ChangeItem(
        String cursor,
        String resourceType,
        String resourceId,
        String action,
        long version,
        Instant changedAt,
        JsonObject snapshot) {}
