package dev.agentry.persistence.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One governed action executed, written in the transaction of its effect, keyed by its credential's
 * Idempotency-Key: a replay answers with the stored result, and the unique key lets concurrent
 * requests with one key execute once.
 */
@Entity
@Table(name = "control_execution")
// Written twice in its transaction (claimed, then completed): the second write sets only the result.
@DynamicUpdate
@NamedQuery(
        name = "Execution.byKey",
        query = "select e from Execution e where e.credentialId = :credentialId and e.idempotencyKey = :key")
@NamedQuery(
        name = "Execution.countSince",
        query = "select count(e) from Execution e where e.credentialId = :credentialId and e.action = :action"
                + " and e.executedAt >= :since")
public class Execution {

    @Id
    @Column(length = 40)
    private String id;

    /** The acting credential, or {@code admin:<username>}. */
    @Column(name = "credential_id", nullable = false, length = 100)
    private String credentialId;

    @Column(name = "idempotency_key", nullable = false, length = 200)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false, length = 100)
    private String action;

    @Column(name = "collection_name", nullable = false, length = 40)
    private String collection;

    @Column(name = "target_uid", length = 36)
    private String targetUid;

    @Column(name = "approval_id", length = 40)
    private String approvalId;

    @Column(name = "run_id", length = 40)
    private String runId;

    @Column(name = "result_json", nullable = false, length = 1_000_000)
    private String resultJson;

    @Column(name = "executed_at", nullable = false)
    private Instant executedAt;

    protected Execution() {
        // for JPA
    }

    public Execution(
            String id,
            String credentialId,
            String idempotencyKey,
            String requestHash,
            String action,
            String collection,
            String approvalId,
            String runId,
            Instant executedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.requestHash = Objects.requireNonNull(requestHash, "requestHash");
        this.action = Objects.requireNonNull(action, "action");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.approvalId = approvalId;
        this.runId = runId;
        this.executedAt = Objects.requireNonNull(executedAt, "executedAt");
        this.resultJson = "{}";
    }

    /** What the execution did, as the first response showed it; a replay shows it again. */
    public void completed(String targetUid, String resultJson) {
        this.targetUid = targetUid;
        this.resultJson = Objects.requireNonNull(resultJson, "resultJson");
    }

    public String getId() {
        return id;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getAction() {
        return action;
    }

    public String getCollection() {
        return collection;
    }

    public String getTargetUid() {
        return targetUid;
    }

    public String getApprovalId() {
        return approvalId;
    }

    public String getRunId() {
        return runId;
    }

    public String getResultJson() {
        return resultJson;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }
}
