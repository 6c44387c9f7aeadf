package dev.agentry.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** An administrator of the console: a name, a slow password hash, and the lockout state. */
@Entity
@Table(name = "admin_account")
@NamedQuery(name = "AdminAccount.byUsername", query = "select a from AdminAccount a where a.username = :username")
@NamedQuery(name = "AdminAccount.count", query = "select count(a) from AdminAccount a")
public class AdminAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_seq")
    @SequenceGenerator(name = "admin_seq", sequenceName = "admin_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "last_login_from", length = 64)
    private String lastLoginFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AdminAccount() {
        // for JPA
    }

    public AdminAccount(String username, String passwordHash, Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public String getLastLoginFrom() {
        return lastLoginFrom;
    }

    /** A failed attempt; at the threshold the account locks until {@code lockUntil}. */
    public void failed(int threshold, Instant lockUntil) {
        failedAttempts++;
        if (failedAttempts >= threshold) {
            lockedUntil = lockUntil;
            failedAttempts = 0;
        }
    }

    public void succeeded(Instant at, String from) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = at;
        lastLoginFrom = from;
    }

    /** The same password, hashed anew (a newer format or cost); the old hash no longer verifies. */
    public void rehashed(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
