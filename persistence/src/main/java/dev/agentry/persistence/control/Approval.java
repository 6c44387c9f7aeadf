package dev.agentry.persistence.control;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request to run one action with one input, bound to both by the input's hash, decided by one or two
 * distinct approvers and usable once. Its stored status is {@code pending}, {@code approved}, {@code
 * rejected} or {@code expired}; {@link #statusAt} is the one to show, since a pending approval past its
 * expiry is expired whether or not the sweep has marked it yet (the server may have been down then).
 */
@Entity
@Table(name = "control_approval")
@NamedQuery(
        name = "Approval.overdue",
        query = "select a from Approval a where a.status = 'pending' and a.expiresAt <= :now order by a.expiresAt")
public class Approval {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String EXPIRED = "expired";

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 100)
    private String action;

    @Column(name = "collection_name", nullable = false, length = 40)
    private String collection;

    @Column(name = "input_json", nullable = false, length = 100_000)
    private String inputJson;

    @Column(name = "input_hash", nullable = false, length = 64)
    private String inputHash;

    @Column(length = 1000)
    private String reason;

    /** Who asked: a credential id, or {@code admin:<username>} for a console administrator. */
    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    /** The credential that owns the request (null for one made in the console). */
    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Column(name = "run_id", length = 40)
    private String runId;

    @Column(name = "agent_slug", length = 64)
    private String agentSlug;

    @Column(name = "policy_pattern", length = 100)
    private String policyPattern;

    @Column(nullable = false, length = 10)
    private String risk;

    @Column(name = "approvers_required", nullable = false)
    private int approversRequired;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    @Column(name = "execution_id", length = 40)
    private String executionId;

    @Version
    private long version;

    @OneToMany(mappedBy = "approval", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("decidedAt")
    private List<ApprovalDecision> decisions = new ArrayList<>();

    protected Approval() {
        // for JPA
    }

    /**
     * @param requester who asks and whom the request belongs to: {@code requestedBy}, the owning
     *     credential (or null), and the run and agent it was made for (or null)
     */
    public Approval(
            String id,
            String action,
            String collection,
            String inputJson,
            String inputHash,
            String reason,
            Requester requester,
            String policyPattern,
            String risk,
            int approversRequired,
            Instant requestedAt,
            Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.action = Objects.requireNonNull(action, "action");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.inputJson = Objects.requireNonNull(inputJson, "inputJson");
        this.inputHash = Objects.requireNonNull(inputHash, "inputHash");
        this.reason = reason;
        this.requestedBy = requester.requestedBy();
        this.credentialId = requester.credentialId();
        this.runId = requester.runId();
        this.agentSlug = requester.agentSlug();
        this.policyPattern = policyPattern;
        this.risk = Objects.requireNonNull(risk, "risk");
        this.approversRequired = approversRequired;
        this.status = PENDING;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Who asked for an approval.
     *
     * @param requestedBy a credential id, or {@code admin:<username>}
     * @param credentialId the owning credential, or null for the console
     * @param runId the run it was proposed by, or null
     * @param agentSlug the agent of that run, or null
     */
    public record Requester(String requestedBy, String credentialId, String runId, String agentSlug) {
        public Requester {
            Objects.requireNonNull(requestedBy, "requestedBy");
        }
    }

    /** The status as of {@code now}: a pending or unused approved approval past its expiry is expired. */
    public String statusAt(Instant now) {
        boolean open = PENDING.equals(status) || (APPROVED.equals(status) && consumedAt == null);
        return open && !now.isBefore(expiresAt) ? EXPIRED : status;
    }

    /** Records one approver's decision; the status is the caller's to move. */
    public ApprovalDecision record(String decider, String decision, String comment, Instant at) {
        ApprovalDecision recorded = new ApprovalDecision(this, decider, decision, comment, at);
        decisions.add(recorded);
        return recorded;
    }

    public long approvals() {
        return decisions.stream().filter(d -> "approve".equals(d.getDecision())).count();
    }

    public boolean decidedBy(String decider) {
        return decisions.stream().anyMatch(d -> d.getDecider().equals(decider));
    }

    public void approve(Instant at) {
        status = APPROVED;
        decidedAt = at;
    }

    public void reject(Instant at) {
        status = REJECTED;
        decidedAt = at;
    }

    /** Marks what {@link #statusAt} already shows, so the sweep announces each expiry once. */
    public void expire() {
        status = EXPIRED;
    }

    /** Used by the execution {@code executionId}: an approval is used once. */
    public void consume(String executionId, Instant at) {
        this.executionId = Objects.requireNonNull(executionId, "executionId");
        this.consumedAt = at;
    }

    public boolean isConsumed() {
        return consumedAt != null;
    }

    public String getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getCollection() {
        return collection;
    }

    public String getInputJson() {
        return inputJson;
    }

    public String getInputHash() {
        return inputHash;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getRunId() {
        return runId;
    }

    public String getAgentSlug() {
        return agentSlug;
    }

    public String getPolicyPattern() {
        return policyPattern;
    }

    public String getRisk() {
        return risk;
    }

    public int getApproversRequired() {
        return approversRequired;
    }

    public String getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getConsumedAt() {
        return consumedAt;
    }

    public String getExecutionId() {
        return executionId;
    }

    public List<ApprovalDecision> getDecisions() {
        return List.copyOf(decisions);
    }
}
