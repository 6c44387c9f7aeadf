package dev.agentry.core.sync;

import dev.agentry.core.schema.WrittenAs;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * How far one checkpoint is behind the feed, computed when read.
 *
 * @param changesBehind changes of its type placed after the checkpoint
 * @param secondsBehind age of the oldest of them (0 when none): grows while a consumer stalls
 */
public record ConsumerLag(
        @NotNull String consumer,
        @NotNull String resourceType,
        Instant checkpointAt,
        long changesBehind,
        long secondsBehind,
        @NotNull @WrittenAs(LagBucket.class) String status) {}
