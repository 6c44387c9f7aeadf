package dev.agentry.persistence.control;

import jakarta.persistence.Column;
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
import java.util.Objects;

/** How actions matching one pattern are governed: approval, risk, approvers, approval lifetime, rate. */
@Entity
@Table(name = "control_policy")
@NamedQuery(name = "ControlPolicy.all", query = "select p from ControlPolicy p order by p.pattern")
@NamedQuery(name = "ControlPolicy.byPattern", query = "select p from ControlPolicy p where p.pattern = :pattern")
public class ControlPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "control_seq")
    @SequenceGenerator(name = "control_seq", sequenceName = "control_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pattern;

    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    @Column(nullable = false, length = 10)
    private String risk;

    @Column(nullable = false)
    private int approvers;

    @Column(name = "approval_ttl_s", nullable = false)
    private long approvalTtlSeconds;

    @Column(name = "max_per_hour")
    private Integer maxPerHour;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ControlPolicy() {
        // for JPA
    }

    public ControlPolicy(String pattern, Instant now) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets how matching actions are governed. */
    public void govern(
            boolean requiresApproval,
            String risk,
            int approvers,
            Duration approvalTtl,
            Integer maxPerHour,
            Instant now) {
        this.requiresApproval = requiresApproval;
        this.risk = Objects.requireNonNull(risk, "risk");
        this.approvers = approvers;
        this.approvalTtlSeconds = approvalTtl.toSeconds();
        this.maxPerHour = maxPerHour;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getPattern() {
        return pattern;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public String getRisk() {
        return risk;
    }

    public int getApprovers() {
        return approvers;
    }

    public Duration getApprovalTtl() {
        return Duration.ofSeconds(approvalTtlSeconds);
    }

    public Integer getMaxPerHour() {
        return maxPerHour;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
