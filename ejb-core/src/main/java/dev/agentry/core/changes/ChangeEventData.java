package dev.agentry.core.changes;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The {@code data} of a catalog change's webhook event: the change as the feed shows it, without its cursor. */
@Doc("A catalog change; personal data in the snapshot is redacted unless the subscriber's credential holds"
        + " the collection's :read_sensitive scope; the snapshot is null for a delete")
public record ChangeEventData(
        @NotNull String resourceType,
        @NotNull String resourceId,
        @NotNull ChangeAction action,
        long version,
        @NotNull Instant changedAt,

        @JsonbNillable @Doc("The record after the change; null for a delete")
        JsonObject snapshot) {}
