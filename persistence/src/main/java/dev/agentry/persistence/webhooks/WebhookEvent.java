package dev.agentry.persistence.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An event in the outbox, written in the transaction of the change that caused it. The payload is
 * the exact body every delivery sends, so a retry or a replay sends the same bytes.
 */
@Entity
@Table(name = "webhook_event")
@NamedQuery(
        name = "WebhookEvent.unrouted",
        query = "select e.id, e.type, e.targetSubscription, e.occurredAt, e.subject, e.collection"
                + " from WebhookEvent e"
                + " where e.routed = false order by e.id")
@NamedQuery(name = "WebhookEvent.routed", query = "update WebhookEvent e set e.routed = true where e.id in :ids")
public class WebhookEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id", nullable = false, length = 40)
    private String eventId;

    @Column(nullable = false, length = 100)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 1_000_000)
    private String payload;

    @Column(nullable = false)
    private boolean routed;

    @Column(name = "target_subscription")
    private Long targetSubscription;

    /** The credential the event is about (a credential event's own, a run event's owner), or null. */
    @Column(length = 36)
    private String subject;

    /** The collection whose data the event carries when its type does not name one (approval events), or null. */
    @Column(name = "collection_name", length = 40)
    private String collection;

    protected WebhookEvent() {
        // for JPA
    }

    public WebhookEvent(
            String eventId, String type, Instant occurredAt, String payload, Long targetSubscription, String subject) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.type = Objects.requireNonNull(type, "type");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.targetSubscription = targetSubscription;
        this.subject = subject;
    }

    /** Marks the event as carrying data of {@code collection}, which its type does not name. */
    public void carries(String collection) {
        this.collection = collection;
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPayload() {
        return payload;
    }

    public Long getTargetSubscription() {
        return targetSubscription;
    }

    public String getSubject() {
        return subject;
    }

    public String getCollection() {
        return collection;
    }
}
