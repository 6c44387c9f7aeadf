package dev.agentry.persistence.audit;

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
import org.hibernate.annotations.DynamicUpdate;

/**
 * One audited API call or action. Written once in the transaction of its effect; afterwards only the
 * chainer touches it, once, to give it its chain position and hash. Never holds a secret, token,
 * password or header value.
 */
@Entity
@Table(name = "audit_record")
// Linking writes three columns; without this every chained record rewrote all of them, and those updates
// were most of the chainer's cost, which every audited request pays.
@DynamicUpdate
@NamedQuery(
        name = "AuditRecord.unchained",
        // No ORDER BY: the chain's order is the order records are linked in, and sorting would make each
        // batch read the whole backlog instead of the first rows the chain_seq index yields.
        query = "select a from AuditRecord a where a.chainSeq is null")
@NamedQuery(
        name = "AuditRecord.head",
        // max() is answered from the chain_seq index; "order by chainSeq desc" made H2 sort the table.
        query = "select a from AuditRecord a where a.chainSeq = (select max(b.chainSeq) from AuditRecord b)")
@NamedQuery(
        name = "AuditRecord.chainFrom",
        query = "select a from AuditRecord a where a.chainSeq > :after order by a.chainSeq")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "chain_seq")
    private Long chainSeq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_kind", nullable = false, length = 20)
    private String actorKind;

    @Column(name = "actor_id", length = 100)
    private String actorId;

    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Column(length = 45)
    private String address;

    @Column(name = "request_id", length = 128)
    private String requestId;

    @Column(nullable = false, length = 200)
    private String action;

    @Column(length = 200)
    private String target;

    @Column(length = 100)
    private String scope;

    @Column(name = "approval_id", length = 36)
    private String approvalId;

    @Column(nullable = false, length = 20)
    private String outcome;

    @Column(name = "error_code", length = 40)
    private String errorCode;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "prev_hash", length = 64)
    private String prevHash;

    @Column(length = 64)
    private String hash;

    protected AuditRecord() {
        // for JPA
    }

    public AuditRecord(
            Instant occurredAt,
            String actorKind,
            String actorId,
            String credentialId,
            String address,
            String requestId,
            String action,
            String target,
            String scope,
            String approvalId,
            String outcome,
            String errorCode,
            Long durationMs) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actorKind = Objects.requireNonNull(actorKind, "actorKind");
        this.actorId = actorId;
        this.credentialId = credentialId;
        this.address = address;
        this.requestId = requestId;
        this.action = Objects.requireNonNull(action, "action");
        this.target = target;
        this.scope = scope;
        this.approvalId = approvalId;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.errorCode = errorCode;
        this.durationMs = durationMs;
    }

    /** Links the record into the chain; a chained record is never linked again. */
    public void chain(long chainSeq, String prevHash, String hash) {
        if (this.chainSeq != null) {
            throw new IllegalStateException("audit record " + id + " is already chained");
        }
        this.chainSeq = chainSeq;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public Long getId() {
        return id;
    }

    public Long getChainSeq() {
        return chainSeq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActorKind() {
        return actorKind;
    }

    public String getActorId() {
        return actorId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getAddress() {
        return address;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getScope() {
        return scope;
    }

    public String getApprovalId() {
        return approvalId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
