package dev.agentry.persistence.webhooks;

import dev.agentry.persistence.policy.LinesConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a credential wants events delivered. Signed with its secret; during a rotation's overlap
 * also with the previous one, so a receiver can switch secrets without missing a delivery.
 */
@Entity
@Table(name = "webhook_subscription")
@NamedQuery(name = "WebhookSubscription.byUid", query = "select s from WebhookSubscription s where s.uid = :uid")
@NamedQuery(
        name = "WebhookSubscription.ofCredential",
        query = "select s from WebhookSubscription s where s.credentialId = :credentialId order by s.id")
@NamedQuery(
        name = "WebhookSubscription.active",
        query = "select s from WebhookSubscription s where s.status = 'active' order by s.id")
public class WebhookSubscription {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 36)
    private String uid;

    @Column(name = "credential_id", nullable = false, length = 36)
    private String credentialId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Convert(converter = LinesConverter.class)
    @Column(name = "event_types", nullable = false, length = 4000)
    private List<String> eventTypes;

    @Column(length = 500)
    private String description;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "disabled_reason", length = 200)
    private String disabledReason;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookSubscription() {
        // for JPA
    }

    public WebhookSubscription(
            String credentialId, String url, List<String> eventTypes, String description, String secret, Instant now) {
        this.uid = UUID.randomUUID().toString();
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.url = Objects.requireNonNull(url, "url");
        this.eventTypes = List.copyOf(eventTypes);
        this.description = description;
        this.secret = Objects.requireNonNull(secret, "secret");
        this.status = ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retarget(String newUrl, Instant now) {
        this.url = Objects.requireNonNull(newUrl, "url");
        this.updatedAt = now;
    }

    public void subscribeTo(List<String> types, Instant now) {
        this.eventTypes = List.copyOf(types);
        this.updatedAt = now;
    }

    public void describeAs(String text, Instant now) {
        this.description = text;
        this.updatedAt = now;
    }

    /** The new secret signs from now on; the old one also signs until {@code now + overlap}. */
    public void rotateSecret(String newSecret, Duration overlap, Instant now) {
        this.previousSecret = secret;
        this.previousSecretUntil = now.plus(overlap);
        this.secret = Objects.requireNonNull(newSecret, "secret");
        this.updatedAt = now;
    }

    /** The secrets a delivery made at {@code now} is signed with, the current one first. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecretValidUntil(now) != null) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Until when the rotated-out secret still signs, or {@code null} once it no longer does. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecretUntil
                : null;
    }

    public void disable(String reason, Instant now) {
        this.status = DISABLED;
        this.disabledReason = reason;
        this.updatedAt = now;
    }

    /** Active again; the failure streak starts over. */
    public void enable(Instant now) {
        this.status = ACTIVE;
        this.disabledReason = null;
        this.failingSince = null;
        this.updatedAt = now;
    }

    /** A delivery failed: starts the failure streak if none is running. */
    public void failed(Instant now) {
        if (failingSince == null) {
            failingSince = now;
        }
    }

    public void succeeded() {
        failingSince = null;
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getUrl() {
        return url;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public String getDescription() {
        return description;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
