package dev.agentry.persistence.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One create, update or delete of a catalog record, written in the same transaction as the change.
 * It has no feed position until the sequencer gives it one after it committed ({@link ChangePlacement}).
 */
@Entity
@Table(name = "change_record")
public class ChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_record_seq")
    @SequenceGenerator(name = "change_record_seq", sequenceName = "change_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "position")
    private Long position;

    @Column(name = "resource_type", nullable = false, length = 40)
    private String resourceType;

    @Column(name = "resource_id", nullable = false, length = 36)
    private String resourceId;

    @Column(name = "action", nullable = false, length = 10)
    private String action;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** The record as the API showed it after the change, JSON; {@code null} for a delete. */
    @Column(name = "snapshot", length = 1_000_000)
    private String snapshot;

    protected ChangeRecord() {
        // for JPA
    }

    public ChangeRecord(
            String resourceType, String resourceId, String action, long version, Instant changedAt, String snapshot) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.action = Objects.requireNonNull(action, "action");
        this.version = version;
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.snapshot = snapshot;
    }

    public Long getPosition() {
        return position;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getAction() {
        return action;
    }

    public long getVersion() {
        return version;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getSnapshot() {
        return snapshot;
    }
}
