package dev.agentry.persistence.webhooks;

import dev.agentry.persistence.policy.LinesConverter;
import dev.agentry.persistence.secrets.StoredSecret;
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
@NamedQuery(name = "WebhookSubscription.withIds", query = "select s from WebhookSubscription s where s.id in :ids")
@NamedQuery(
        name = "WebhookSubscription.succeeded",
        // What succeeded() does to each, for a batch at once; only rows it changes get a new version.
        query = "update WebhookSubscription s set s.failingSince = null, s.version = s.version + 1"
                + " where s.id in :ids and s.failingSince is not null")
@NamedQuery(
        name = "WebhookSubscription.active",
        query = "select s from WebhookSubscription s where s.status = 'active' order by s.id")
@NamedQuery(
        name = "WebhookSubscription.clear",
        query = "select s.id from WebhookSubscription s where s.secret is not null or s.previousSecret is not null")
@NamedQuery(
        name = "WebhookSubscription.kekUse",
        query = "select s.kekId, count(s) from WebhookSubscription s where s.kekId is not null group by s.kekId")
@NamedQuery(
        name = "WebhookSubscription.sealedUnderOther",
        query = "select s.id from WebhookSubscription s where s.kekId is not null and s.kekId <> :kekId")
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

    /** In the clear: only in rows written before secrets were sealed, until migrated. */
    @Column(length = 100)
    private String secret;

    /** In the clear, like {@link #secret}. */
    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    /** The current secret, sealed under the key-encryption key {@link #kekId}. */
    @Column(name = "secret_sealed", length = 1000)
    private String sealedSecret;

    @Column(name = "previous_secret_sealed", length = 1000)
    private String sealedPreviousSecret;

    @Column(name = "kek_id", length = 16)
    private String kekId;

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

    /** A new subscription; {@code uid} is chosen by the caller because the sealed secret is bound to it. */
    public WebhookSubscription(
            String uid,
            String credentialId,
            String url,
            List<String> eventTypes,
            String description,
            String sealedSecret,
            String kekId,
            Instant now) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.url = Objects.requireNonNull(url, "url");
        this.eventTypes = List.copyOf(eventTypes);
        this.description = description;
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.kekId = Objects.requireNonNull(kekId, "kekId");
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

    /**
     * The new secret signs from now on; the one it replaces also signs until {@code now + overlap}. Both
     * come sealed under the KEK {@code sealedUnder}: the replaced one sealed again, so that every
     * envelope of a row is under the row's {@link #kekId}.
     */
    public void rotateSecret(
            String newSealedSecret, String resealedCurrent, String sealedUnder, Duration overlap, Instant now) {
        this.sealedPreviousSecret = Objects.requireNonNull(resealedCurrent, "resealedCurrent");
        this.previousSecretUntil = now.plus(overlap);
        this.sealedSecret = Objects.requireNonNull(newSealedSecret, "sealedSecret");
        this.kekId = Objects.requireNonNull(sealedUnder, "kekId");
        this.secret = null;
        this.previousSecret = null;
        this.updatedAt = now;
    }

    /** The secrets a delivery made at {@code now} is signed with, as stored, the current one first. */
    public List<StoredSecret> signingSecrets(Instant now) {
        List<StoredSecret> secrets = new ArrayList<>(List.of(getSecret()));
        if (previousSecretValidUntil(now) != null) {
            secrets.add(getPreviousSecret());
        }
        return secrets;
    }

    /** Until when the rotated-out secret still signs, or {@code null} once it no longer does. */
    public Instant previousSecretValidUntil(Instant now) {
        return getPreviousSecret() != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecretUntil
                : null;
    }

    /** The current secret as stored: sealed, or clear in a row not yet migrated. */
    public StoredSecret getSecret() {
        return StoredSecret.of(sealedSecret, secret);
    }

    /** The rotated-out secret as stored, or {@code null} if there is none. */
    public StoredSecret getPreviousSecret() {
        return StoredSecret.of(sealedPreviousSecret, previousSecret);
    }

    /**
     * Replaces clear secrets by their envelopes (the previous one {@code null} when there is none);
     * the clear columns are emptied. Both envelopes are sealed under the one KEK {@code sealedUnder}.
     */
    public void seal(String sealed, String sealedPrevious, String sealedUnder) {
        this.sealedSecret = Objects.requireNonNull(sealed, "sealed");
        this.sealedPreviousSecret = sealedPrevious;
        this.kekId = Objects.requireNonNull(sealedUnder, "kekId");
        this.secret = null;
        this.previousSecret = null;
    }

    public String getKekId() {
        return kekId;
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
