package dev.agentry.persistence.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One approver's decision on one approval; an approver decides a request at most once. */
@Entity
@Table(name = "control_decision")
public class ApprovalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "control_seq")
    @SequenceGenerator(name = "control_seq", sequenceName = "control_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "approval_id")
    private Approval approval;

    @Column(nullable = false, length = 100)
    private String decider;

    @Column(nullable = false, length = 10)
    private String decision;

    @Column(name = "comment_text", length = 1000)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected ApprovalDecision() {
        // for JPA
    }

    ApprovalDecision(Approval approval, String decider, String decision, String comment, Instant at) {
        this.approval = Objects.requireNonNull(approval, "approval");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.decision = Objects.requireNonNull(decision, "decision");
        this.comment = comment;
        this.decidedAt = Objects.requireNonNull(at, "at");
    }

    public String getDecider() {
        return decider;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
