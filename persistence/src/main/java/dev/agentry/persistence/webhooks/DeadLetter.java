package dev.agentry.persistence.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A delivery whose attempts were exhausted: one row per event and subscription, kept through replays. */
@Entity
@Table(name = "webhook_dead_letter")
@NamedQuery(name = "DeadLetter.ofDelivery", query = "select d from DeadLetter d where d.delivery.id = :delivery")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    private WebhookDelivery delivery;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    @Column(name = "replay_count", nullable = false)
    private int replayCount;

    @Column(name = "last_replayed_at")
    private Instant lastReplayedAt;

    protected DeadLetter() {
        // for JPA
    }

    public DeadLetter(WebhookDelivery delivery, String reason, Instant failedAt) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.subscriptionId = delivery.getSubscription().getId();
        this.eventType = delivery.getEvent().getType();
        this.reason = reason;
        this.failedAt = failedAt;
    }

    /** Exhausted again after a replay. */
    public void failedAgain(String newReason, Instant at) {
        this.reason = newReason;
        this.failedAt = at;
    }

    public void replayed(Instant at) {
        replayCount++;
        lastReplayedAt = at;
    }

    public Long getId() {
        return id;
    }

    public WebhookDelivery getDelivery() {
        return delivery;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getReason() {
        return reason;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public int getReplayCount() {
        return replayCount;
    }

    public Instant getLastReplayedAt() {
        return lastReplayedAt;
    }
}
