package dev.agentry.core.webhooks;

import dev.agentry.persistence.webhooks.WebhookSubscription;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A subscription as callers see it: never its secret. */
public record SubscriptionView(
        String id,
        String url,
        List<String> events,
        String description,
        String status,
        String disabledReason,
        Instant failingSince,
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt)
        implements Serializable {

    static SubscriptionView of(WebhookSubscription s, Instant now) {
        return new SubscriptionView(
                s.getUid(),
                s.getUrl(),
                s.getEventTypes(),
                s.getDescription(),
                s.getStatus(),
                s.getDisabledReason(),
                s.getFailingSince(),
                s.previousSecretValidUntil(now),
                s.getCreatedAt(),
                s.getUpdatedAt());
    }
}
