package dev.agentry.persistence.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one subscription: pending until a 2xx, or dead once its attempts are
 * exhausted. A sender holds a lease while it sends; a lease that runs out (the server died
 * mid-send) makes the delivery due again, so nothing is lost and a crash may send it twice.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
        name = "WebhookDelivery.due",
        // Ordered as the index (status, next_attempt_at, id) is, so the database reads only the first
        // rows of a backlog instead of sorting all of it.
        query = "select d.id from WebhookDelivery d where d.status = 'pending' and d.nextAttemptAt <= :now"
                + " and (d.leaseUntil is null or d.leaseUntil < :now) and d.subscription.id in"
                + " (select s.id from WebhookSubscription s where s.status = 'active')"
                + " order by d.status, d.nextAttemptAt, d.id")
@NamedQuery(
        name = "WebhookDelivery.lease",
        query = "update WebhookDelivery d set d.leaseUntil = :until, d.leaseToken = :token where d.id in :ids"
                + " and d.status = 'pending' and (d.leaseUntil is null or d.leaseUntil < :now)")
@NamedQuery(
        name = "WebhookDelivery.leased",
        // Columns, not entities: a leased delivery is only read to be sent, so nothing needs loading into
        // the persistence context and checking for changes at commit.
        query = "select d.id, d.attempts, d.redacted, d.subscription.id, e.id, e.eventId, e.type,"
                + " e.targetSubscription, e.occurredAt, e.subject, e.collection, e.payload"
                + " from WebhookDelivery d join d.event e where d.id in :ids and d.leaseToken = :token")
@NamedQuery(
        name = "WebhookDelivery.pendingOf",
        query = "select d.id from WebhookDelivery d where d.id in :ids and d.status = 'pending'")
@NamedQuery(
        name = "WebhookDelivery.delivered",
        // What succeeded() does to each, for a batch at once.
        query = "update WebhookDelivery d set d.status = 'succeeded', d.attempts = d.attempts + 1,"
                + " d.lastStatus = :status, d.lastError = null, d.nextAttemptAt = null, d.leaseUntil = null,"
                + " d.updatedAt = :now, d.version = d.version + 1 where d.id in :ids and d.status = 'pending'")
@NamedQuery(
        name = "WebhookDelivery.withSubscription",
        query = "select d from WebhookDelivery d join fetch d.event join fetch d.subscription where d.id in :ids")
@NamedQuery(
        name = "WebhookDelivery.ofSubscription",
        query = "select d from WebhookDelivery d join fetch d.event where d.subscription.id = :subscription"
                + " and d.id < :before order by d.id desc")
public class WebhookDelivery {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String DEAD = "dead";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_ref")
    private WebhookEvent event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscription_id")
    private WebhookSubscription subscription;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** Which lease holds it: the sender that won it, among any that raced for it. */
    @Column(name = "lease_token", length = 36)
    private String leaseToken;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Whether it sends the event with personal data redacted: decided at routing by the subscriber's scopes. */
    @Column(nullable = false)
    private boolean redacted;

    @Version
    private long version;

    protected WebhookDelivery() {
        // for JPA
    }

    /** Due at once; {@code redacted} when the subscriber may not see the personal data the event carries. */
    public WebhookDelivery(WebhookEvent event, WebhookSubscription subscription, boolean redacted, Instant now) {
        this.event = Objects.requireNonNull(event, "event");
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.redacted = redacted;
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void succeeded(int statusCode, Instant now) {
        attempts++;
        status = SUCCEEDED;
        lastStatus = statusCode;
        lastError = null;
        nextAttemptAt = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** Failed; tried again at {@code retryAt}. */
    public void retryAt(Instant retryAt, Integer statusCode, String error, Instant now) {
        attempts++;
        lastStatus = statusCode;
        lastError = error;
        nextAttemptAt = retryAt;
        leaseUntil = null;
        updatedAt = now;
    }

    /** Failed for the last time. */
    public void dead(Integer statusCode, String error, Instant now) {
        attempts++;
        status = DEAD;
        lastStatus = statusCode;
        lastError = error;
        nextAttemptAt = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** Not sent, and not to be: its subscriber may no longer receive it. No attempt was made. */
    public void withheld(String reason, Instant now) {
        status = DEAD;
        lastError = reason;
        nextAttemptAt = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** Sent again from the start of the schedule, with the event id it always had. */
    public void replay(Instant now) {
        status = PENDING;
        attempts = 0;
        nextAttemptAt = now;
        leaseUntil = null;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public boolean isRedacted() {
        return redacted;
    }

    public WebhookEvent getEvent() {
        return event;
    }

    public WebhookSubscription getSubscription() {
        return subscription;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
