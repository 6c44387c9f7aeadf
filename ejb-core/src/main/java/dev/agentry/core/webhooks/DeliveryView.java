package dev.agentry.core.webhooks;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A delivery with its attempts, for a subscription's history. */
public record DeliveryView(
        String id,
        String eventId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        List<Attempt> history)
        implements Serializable {

    /** One POST. */
    public record Attempt(
            int number, Instant attemptedAt, Integer statusCode, long latencyMs, String outcome, String response)
            implements Serializable {}
}
