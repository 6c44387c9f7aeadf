package dev.agentry.core.sync;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;

/**
 * A checkpoint to store ({@code PUT /sync-state/checkpoint}): the body is bound to this record (a member of
 * another type, or one it does not have, is refused naming the field); what the values must be — a consumer
 * name, a collection, a cursor of the feed, metadata within its bound — is {@link SyncStateService}'s rule.
 *
 * @param consumer the consumer's name
 * @param resourceType the collection it reads
 * @param cursor a cursor from {@code /changes}
 * @param metadata free-form, at most {@link Metadata#MAX_CHARS} characters as JSON
 */
@JsonbPropertyOrder({"consumer", "resourceType", "cursor", "metadata"})
public record CheckpointRequest(
        @NotNull(message = "consumer is required") String consumer,
        @NotNull(message = "resourceType is required") String resourceType,

        @NotNull(message = "cursor is required: a cursor from /changes")
        String cursor,

        JsonObject metadata) {}
