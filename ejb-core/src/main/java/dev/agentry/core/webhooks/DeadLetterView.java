package dev.agentry.core.webhooks;

import java.io.Serializable;
import java.time.Instant;

/** A dead-lettered delivery in the queue. */
public record DeadLetterView(
        String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String reason,
        Instant failedAt,
        String deliveryStatus,
        int replayCount,
        Instant lastReplayedAt)
        implements Serializable {}
