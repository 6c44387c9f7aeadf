package dev.agentry.core.retention;

import jakarta.enterprise.context.ApplicationScoped;

/** Outbox events routed before the horizon that no delivery refers to any more. */
@ApplicationScoped
public class WebhookEventPurge extends RowPurge {

    public WebhookEventPurge() {
        super(
                RetentionKind.WEBHOOK_EVENTS,
                "WebhookEvent",
                "e",
                "e.routed = true and e.occurredAt < :cutoff"
                        + " and not exists (select 1 from WebhookDelivery d where d.event = e)");
    }
}
