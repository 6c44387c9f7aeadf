package dev.agentry.core.changes;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.schema.WrittenAs;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One change as the feed shows it.
 *
 * @param cursor resumes the feed right after this change
 * @param snapshot the record after the change as JSON text, redacted as the caller's scopes require;
 *     {@code null} for a delete. Kept as text: most snapshots go out exactly as stored, unparsed.
 */
public record ChangeItem(
        @NotNull String cursor,
        @NotNull String resourceType,
        @NotNull String resourceId,
        @NotNull @WrittenAs(ChangeAction.class) String action,
        long version,
        @NotNull Instant changedAt,

        @JsonbNillable @WrittenAs(JsonObject.class) @Doc("The record after the change; null for a delete")
        String snapshot) {}
