package dev.agentry.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the audit chain now begins, once its oldest records were removed past the operator's audit horizon:
 * the position and hash of the last removed record, signed with the chain's key. Only retention moves it,
 * forward, in the transaction that removes the records.
 */
@Entity
@Table(name = "audit_anchor")
public class AuditAnchor {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "chain_seq", nullable = false)
    private long chainSeq;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(name = "anchored_at", nullable = false)
    private Instant anchoredAt;

    @Column(nullable = false, length = 64)
    private String signature;

    protected AuditAnchor() {
        // for JPA
    }

    public AuditAnchor(long chainSeq, String hash, Instant anchoredAt, String signature) {
        this.id = ID;
        moveTo(chainSeq, hash, anchoredAt, signature);
    }

    /** The chain now begins after {@code chainSeq}, whose stored hash was {@code hash}. */
    public void moveTo(long chainSeq, String hash, Instant anchoredAt, String signature) {
        if (chainSeq < this.chainSeq) {
            throw new IllegalArgumentException("the anchor only moves forward");
        }
        this.chainSeq = chainSeq;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.anchoredAt = Objects.requireNonNull(anchoredAt, "anchoredAt");
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    public long getChainSeq() {
        return chainSeq;
    }

    public String getHash() {
        return hash;
    }

    public Instant getAnchoredAt() {
        return anchoredAt;
    }

    public String getSignature() {
        return signature;
    }
}
