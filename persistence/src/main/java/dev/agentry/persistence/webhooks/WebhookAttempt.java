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

/** One POST of a delivery: what came back and how long it took. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(
        name = "WebhookAttempt.ofDeliveries",
        query = "select a from WebhookAttempt a where a.deliveryId in :deliveries order by a.deliveryId, a.number")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(name = "attempt_number", nullable = false)
    private int number;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMillis;

    @Column(nullable = false, length = 200)
    private String outcome;

    @Column(name = "response_excerpt", length = 1000)
    private String responseExcerpt;

    protected WebhookAttempt() {
        // for JPA
    }

    public WebhookAttempt(
            long deliveryId,
            int number,
            Instant attemptedAt,
            Integer statusCode,
            long latencyMillis,
            String outcome,
            String responseExcerpt) {
        this.deliveryId = deliveryId;
        this.number = number;
        this.attemptedAt = attemptedAt;
        this.statusCode = statusCode;
        this.latencyMillis = latencyMillis;
        this.outcome = outcome;
        this.responseExcerpt = responseExcerpt;
    }

    public long getDeliveryId() {
        return deliveryId;
    }

    public int getNumber() {
        return number;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getResponseExcerpt() {
        return responseExcerpt;
    }
}
