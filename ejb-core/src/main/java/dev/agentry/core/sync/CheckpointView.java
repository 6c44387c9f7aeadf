package dev.agentry.core.sync;

import dev.agentry.core.json.JsonTree;
import dev.agentry.persistence.sync.SyncCheckpoint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;

/** A stored checkpoint as the API shows it. */
public record CheckpointView(
        @NotNull @Pattern(regexp = CheckpointView.CONSUMER) String consumer,
        @NotNull String resourceType,
        @NotNull String cursor,
        Instant checkpointAt,
        Map<String, Object> metadata) {

    /** A consumer's name: what a caller chooses to call its position. */
    public static final String CONSUMER = "^[A-Za-z0-9._:-]{1,100}$";

    static CheckpointView of(SyncCheckpoint checkpoint) {
        return new CheckpointView(
                checkpoint.getConsumer(),
                checkpoint.getResourceType(),
                checkpoint.getCursor(),
                checkpoint.getCheckpointAt(),
                checkpoint.getMetadata() == null ? null : JsonTree.object(checkpoint.getMetadata()));
    }
}
