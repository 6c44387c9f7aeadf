package dev.agentry.core.sync;

import dev.agentry.persistence.sync.SyncCheckpoint;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A stored checkpoint as the API shows it. */
public record CheckpointView(
        String consumer, String resourceType, String cursor, Instant checkpointAt, JsonObject metadata) {

    static CheckpointView of(SyncCheckpoint checkpoint) {
        return new CheckpointView(
                checkpoint.getConsumer(),
                checkpoint.getResourceType(),
                checkpoint.getCursor(),
                checkpoint.getCheckpointAt(),
                checkpoint.getMetadata() == null ? null : Metadata.parse(checkpoint.getMetadata()));
    }
}
