package dev.agentry.core.sync;

import dev.agentry.core.json.JsonTree;
import dev.agentry.persistence.sync.SyncCheckpoint;
import java.time.Instant;
import java.util.Map;

/** A stored checkpoint as the API shows it. */
public record CheckpointView(
        String consumer, String resourceType, String cursor, Instant checkpointAt, Map<String, Object> metadata) {

    static CheckpointView of(SyncCheckpoint checkpoint) {
        return new CheckpointView(
                checkpoint.getConsumer(),
                checkpoint.getResourceType(),
                checkpoint.getCursor(),
                checkpoint.getCheckpointAt(),
                checkpoint.getMetadata() == null ? null : JsonTree.object(checkpoint.getMetadata()));
    }
}
