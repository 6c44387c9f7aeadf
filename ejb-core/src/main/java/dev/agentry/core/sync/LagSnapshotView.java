package dev.agentry.core.sync;

import dev.agentry.core.schema.WrittenAs;
import dev.agentry.persistence.sync.LagSnapshot;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One entry of a checkpoint's lag history.
 *
 * @param consumer the consumer's name
 * @param resourceType the collection it follows
 * @param takenAt when the sync-state job took the snapshot
 * @param changesBehind changes of its type after the checkpoint then
 * @param secondsBehind age of the oldest of them then
 * @param status healthy, warning or critical
 */
public record LagSnapshotView(
        @NotNull String consumer,
        @NotNull String resourceType,
        @NotNull Instant takenAt,
        long changesBehind,
        long secondsBehind,
        @NotNull @WrittenAs(LagBucket.class) String status) {

    static LagSnapshotView of(LagSnapshot snapshot) {
        return new LagSnapshotView(
                snapshot.getConsumer(),
                snapshot.getResourceType(),
                snapshot.getTakenAt(),
                snapshot.getChangesBehind(),
                snapshot.getSecondsBehind(),
                snapshot.getStatus());
    }
}
