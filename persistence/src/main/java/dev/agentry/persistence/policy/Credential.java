package dev.agentry.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A machine client's managed credential. The secret itself is never here: only its SHA-256, and
 * during a rotation's overlap the previous one's too. Revocation is final.
 */
@Entity
@Table(name = "credential")
// Only the columns a change touches are written, so a change never puts back a column another
// transaction set meanwhile without a version bump (the expiry reminder's mark).
@DynamicUpdate
@NamedQuery(
        name = "Credential.remindedOfExpiry",
        query = "update Credential c set c.expiryRemindedAt = :at where c.uid = :uid and c.expiryRemindedAt is null")
@NamedQuery(name = "Credential.findByUid", query = "select c from Credential c where c.uid = :uid")
// A use recorded only if later than the stored one, without taking the row's version: nodes flush their uses
// independently, and neither they nor an operator's edit (dynamic updates touch only changed columns) conflict.
@NamedQuery(
        name = "Credential.recordUse",
        query = "update Credential c set c.lastUsedAt = :at, c.lastUsedAddress = :address"
                + " where c.uid = :uid and (c.lastUsedAt is null or c.lastUsedAt < :at)")
@NamedQuery(name = "Credential.findByClientId", query = "select c from Credential c where c.clientId = :clientId")
@NamedQuery(name = "Credential.listAll", query = "select c from Credential c order by c.createdAt desc, c.id desc")
@NamedQuery(name = "Credential.withUids", query = "select c from Credential c where c.uid in :uids")
@NamedQuery(name = "Credential.count", query = "select count(c) from Credential c")
public class Credential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 36)
    private String uid;

    @Column(name = "client_id", nullable = false, length = 40)
    private String clientId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(length = 500)
    private String description;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "previous_secret_hash", length = 64)
    private String previousSecretHash;

    @Column(name = "previous_secret_valid_until")
    private Instant previousSecretValidUntil;

    @Convert(converter = LinesConverter.class)
    @Column(nullable = false, length = 4000)
    private List<String> scopes;

    @Convert(converter = LinesConverter.class)
    @Column(name = "event_interests", nullable = false, length = 4000)
    private List<String> eventInterests;

    @Convert(converter = LinesConverter.class)
    @Column(name = "ip_allowlist", nullable = false, length = 8000)
    private List<String> ipAllowlist;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "reminder_days", nullable = false)
    private int reminderDays;

    @Column(name = "expiry_reminded_at")
    private Instant expiryRemindedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CredentialState status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_address", length = 45)
    private String lastUsedAddress;

    @Version
    private long version;

    protected Credential() {
        // for JPA
    }

    public Credential(String uid, String clientId, String secretHash, Instant now) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.status = CredentialState.ACTIVE;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
        this.scopes = List.of();
        this.eventInterests = List.of();
        this.ipAllowlist = List.of();
    }

    public void describe(String name, String owner, String description, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.description = description;
        touch(now);
    }

    public void grant(List<String> scopes, Instant now) {
        this.scopes = List.copyOf(scopes);
        touch(now);
    }

    public void interestIn(List<String> eventInterests, Instant now) {
        this.eventInterests = List.copyOf(eventInterests);
        touch(now);
    }

    public void allowFrom(List<String> ipAllowlist, Instant now) {
        this.ipAllowlist = List.copyOf(ipAllowlist);
        touch(now);
    }

    /** Sets when it expires ({@code null}: never) and how many days before that reminders start. */
    public void expireAt(Instant expiresAt, int reminderDays, Instant now) {
        if (!Objects.equals(this.expiresAt, expiresAt) || this.reminderDays != reminderDays) {
            this.expiryRemindedAt = null; // a new expiry deserves its own reminder
        }
        this.expiresAt = expiresAt;
        this.reminderDays = reminderDays;
        touch(now);
    }

    public void pause(Instant now) {
        requireNotRevoked();
        status = CredentialState.PAUSED;
        touch(now);
    }

    public void resume(Instant now) {
        requireNotRevoked();
        status = CredentialState.ACTIVE;
        touch(now);
    }

    public void revoke(Instant now) {
        status = CredentialState.REVOKED;
        previousSecretHash = null;
        previousSecretValidUntil = null;
        touch(now);
    }

    /** Replaces the secret; the previous one keeps working until {@code previousValidUntil}. */
    public void rotate(String newSecretHash, Instant previousValidUntil, Instant now) {
        requireNotRevoked();
        previousSecretHash = secretHash;
        previousSecretValidUntil = previousValidUntil;
        secretHash = Objects.requireNonNull(newSecretHash, "newSecretHash");
        rotatedAt = now;
        touch(now);
    }

    public Instant getExpiryRemindedAt() {
        return expiryRemindedAt;
    }

    public boolean isRevoked() {
        return status == CredentialState.REVOKED;
    }

    private void requireNotRevoked() {
        if (isRevoked()) {
            throw new IllegalStateException("a revoked credential stays revoked");
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    public String getUid() {
        return uid;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public String getDescription() {
        return description;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getPreviousSecretHash() {
        return previousSecretHash;
    }

    public Instant getPreviousSecretValidUntil() {
        return previousSecretValidUntil;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public List<String> getEventInterests() {
        return eventInterests;
    }

    public List<String> getIpAllowlist() {
        return ipAllowlist;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    public CredentialState getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedAddress() {
        return lastUsedAddress;
    }
}
