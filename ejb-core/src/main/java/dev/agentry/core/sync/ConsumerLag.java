package dev.agentry.core.sync;

import java.time.Instant;

/**
 * How far one checkpoint is behind the feed, computed when read.
 *
 * @param changesBehind changes of its type placed after the checkpoint
 * @param secondsBehind age of the oldest of them (0 when none): grows while a consumer stalls
 */
public record ConsumerLag(
        String consumer,
        String resourceType,
        Instant checkpointAt,
        long changesBehind,
        long secondsBehind,
        String status) {}
