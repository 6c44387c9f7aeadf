package dev.agentry.persistence.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One checkpoint's lag as a snapshot of the sync-state job found it; never changed afterwards. */
@Entity
@Table(name = "lag_snapshot")
public class LagSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "credential_id", nullable = false, length = 36)
    private String credentialId;

    @Column(name = "consumer", nullable = false, length = 100)
    private String consumer;

    @Column(name = "resource_type", nullable = false, length = 40)
    private String resourceType;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(name = "changes_behind", nullable = false)
    private long changesBehind;

    @Column(name = "seconds_behind", nullable = false)
    private long secondsBehind;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    protected LagSnapshot() {
        // for JPA
    }

    public LagSnapshot(
            String credentialId,
            String consumer,
            String resourceType,
            Instant takenAt,
            long changesBehind,
            long secondsBehind,
            String status) {
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.changesBehind = changesBehind;
        this.secondsBehind = secondsBehind;
        this.status = Objects.requireNonNull(status, "status");
    }

    public Long getId() {
        return id;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getConsumer() {
        return consumer;
    }

    public String getResourceType() {
        return resourceType;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public long getChangesBehind() {
        return changesBehind;
    }

    public long getSecondsBehind() {
        return secondsBehind;
    }

    public String getStatus() {
        return status;
    }
}
