package dev.agentry.persistence.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One pass of the retention job, shared by its restarts: the instant its horizons are measured from, and
 * whether its audit record was written.
 */
@Entity
@Table(name = "retention_pass")
public class RetentionPass {

    @Id
    @Column(name = "job_instance_id")
    private long jobInstanceId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "audited_at")
    private Instant auditedAt;

    protected RetentionPass() {
        // for JPA
    }

    public RetentionPass(long jobInstanceId, Instant startedAt) {
        this.jobInstanceId = jobInstanceId;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Marks the pass audited; false if it already was, so a restarted last step audits once. */
    public boolean audited(Instant at) {
        if (auditedAt != null) {
            return false;
        }
        auditedAt = at;
        return true;
    }

    public long getJobInstanceId() {
        return jobInstanceId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAuditedAt() {
        return auditedAt;
    }
}
