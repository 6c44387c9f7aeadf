package dev.agentry.persistence.incidents;

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

/** One transition of an incident: opened, raised, lowered or resolved, with the value then. */
@Entity
@Table(name = "incident_change")
@NamedQuery(
        name = "IncidentChange.of",
        query = "select c from IncidentChange c where c.incidentId = :incident order by c.id desc")
public class IncidentChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    private Long id;

    @Column(name = "incident_id", nullable = false, length = 40)
    private String incidentId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "severity", nullable = false, length = 10)
    private String severity;

    @Column(name = "metric_value", nullable = false)
    private long value;

    protected IncidentChange() {
        // for JPA
    }

    /** The incident's state as it is now, recorded as a transition. */
    public IncidentChange(IncidentRecord incident) {
        this.incidentId = Objects.requireNonNull(incident.getId(), "incident");
        this.changedAt = incident.getUpdatedAt();
        this.status = incident.getStatus();
        this.severity = incident.getSeverity();
        this.value = incident.getValue();
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getStatus() {
        return status;
    }

    public String getSeverity() {
        return severity;
    }

    public long getValue() {
        return value;
    }
}
