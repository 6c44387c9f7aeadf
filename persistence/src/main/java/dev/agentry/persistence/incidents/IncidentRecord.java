package dev.agentry.persistence.incidents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One incident: a signal about one subject that crossed its warn or critical threshold. Its id is
 * stable for the signal and subject, so a recurrence reopens the same incident. It holds names,
 * numbers and times only.
 */
@Entity
@Table(name = "incident")
@NamedQuery(name = "IncidentRecord.open", query = "select i from IncidentRecord i where i.status = 'open'")
public class IncidentRecord {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "signal", nullable = false, length = 40)
    private String signal;

    @Column(name = "subject", nullable = false, length = 100)
    private String subject;

    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "severity", nullable = false, length = 10)
    private String severity;

    @Column(name = "peak_severity", nullable = false, length = 10)
    private String peakSeverity;

    @Column(name = "metric_value", nullable = false)
    private long value;

    @Column(name = "warn_at", nullable = false)
    private long warnAt;

    @Column(name = "critical_at", nullable = false)
    private long criticalAt;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IncidentRecord() {
        // for JPA
    }

    public IncidentRecord(String id, String signal, String subject, String credentialId) {
        this.id = Objects.requireNonNull(id, "id");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.credentialId = credentialId;
    }

    /** Opens the incident (again, if it had been resolved) at {@code severity}. */
    public void open(String severity, long value, long warnAt, long criticalAt, Instant now) {
        this.status = OPEN;
        this.severity = severity;
        this.peakSeverity = severity;
        this.openedAt = now;
        this.resolvedAt = null;
        measure(value, warnAt, criticalAt, now);
    }

    /** Records a new severity or value of an open incident; the peak remembers the worst. */
    public void update(String severity, boolean worse, long value, long warnAt, long criticalAt, Instant now) {
        this.severity = severity;
        if (worse) {
            this.peakSeverity = severity;
        }
        measure(value, warnAt, criticalAt, now);
    }

    public void resolve(long value, Instant now) {
        this.status = RESOLVED;
        this.value = value;
        this.updatedAt = now;
        this.resolvedAt = now;
    }

    private void measure(long value, long warnAt, long criticalAt, Instant now) {
        this.value = value;
        this.warnAt = warnAt;
        this.criticalAt = criticalAt;
        this.updatedAt = now;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public String getId() {
        return id;
    }

    public String getSignal() {
        return signal;
    }

    public String getSubject() {
        return subject;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getStatus() {
        return status;
    }

    public String getSeverity() {
        return severity;
    }

    public String getPeakSeverity() {
        return peakSeverity;
    }

    public long getValue() {
        return value;
    }

    public long getWarnAt() {
        return warnAt;
    }

    public long getCriticalAt() {
        return criticalAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
