package dev.agentry.core.webhooks;

import dev.agentry.core.time.Timestamp;
import dev.agentry.core.validation.Codes;
import dev.agentry.core.validation.OneOf;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Which dead letters to replay: the ones named, or those that failed since a time, at most a batch.
 *
 * @param ids dead-letter ids
 * @param failedSince an ISO-8601 date-time
 */
@OneOf(
        value = {"ids", "failedSince"},
        message = "give either ids or failedSince")
public record ReplayRequest(
        @Size(
                min = 1,
                max = WebhookDeliveries.REPLAY_BATCH,
                message = "ids must name 1 to {max} dead letters",
                payload = Codes.OutOfRange.class)
        List<@NotNull(message = "each id is a string") String> ids,

        @Timestamp(message = "failedSince must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z")
        String failedSince) {

    /** The time {@code failedSince} names; only for a valid request that gives it. */
    public Instant since() {
        return Timestamp.Check.instant(failedSince).orElseThrow();
    }
}
