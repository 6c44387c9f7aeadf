package dev.agentry.persistence.sync;

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

/** Where a consumer of one credential has got to in the changes of one resource type. */
@Entity
@Table(name = "sync_checkpoint")
@NamedQuery(
        name = "SyncCheckpoint.of",
        query = "select s from SyncCheckpoint s where s.credentialId = :credentialId and s.consumer = :consumer"
                + " and s.resourceType = :resourceType")
@NamedQuery(
        name = "SyncCheckpoint.ofCredential",
        query =
                "select s from SyncCheckpoint s where s.credentialId = :credentialId order by s.consumer, s.resourceType")
public class SyncCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_checkpoint_seq")
    @SequenceGenerator(name = "sync_checkpoint_seq", sequenceName = "sync_checkpoint_seq", allocationSize = 50)
    private Long id;

    @Column(name = "credential_id", nullable = false, length = 36)
    private String credentialId;

    @Column(name = "consumer", nullable = false, length = 100)
    private String consumer;

    @Column(name = "resource_type", nullable = false, length = 40)
    private String resourceType;

    @Column(name = "cursor_value", nullable = false, length = 500)
    private String cursor;

    @Column(name = "position", nullable = false)
    private long position;

    @Column(name = "checkpoint_at", nullable = false)
    private Instant checkpointAt;

    @Column(name = "metadata", length = 4000)
    private String metadata;

    protected SyncCheckpoint() {
        // for JPA
    }

    public SyncCheckpoint(String credentialId, String consumer, String resourceType) {
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
    }

    /** Moves the checkpoint to a cursor (at feed position {@code position}) at {@code now}. */
    public void advance(String cursor, long position, String metadata, Instant now) {
        this.cursor = Objects.requireNonNull(cursor, "cursor");
        this.position = position;
        this.metadata = metadata;
        this.checkpointAt = Objects.requireNonNull(now, "now");
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

    public String getCursor() {
        return cursor;
    }

    public long getPosition() {
        return position;
    }

    public Instant getCheckpointAt() {
        return checkpointAt;
    }

    public String getMetadata() {
        return metadata;
    }
}
