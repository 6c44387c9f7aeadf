package dev.agentry.core.control;

import dev.agentry.core.json.JsonTree;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.control.Approval;
import dev.agentry.persistence.control.ApprovalDecision;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Doc("An approval of one governed action with one input: pending, approved, rejected or expired")
public record ApprovalView(
        @NotNull @Doc("Give it as approvalId when executing")
        String id,

        @NotNull String action,
        @NotNull String collection,

        @NotNull @Doc("pending, approved, rejected or expired (computed when read)")
        String status,

        @NotNull String risk,
        @Doc("Approvals needed: 1, or 2 for dual control") int approversRequired,
        @Doc("Approvals given so far") int approvals,
        @NotNull List<DecisionView> decisions,

        @Doc("The pattern of the policy that governed the request; absent for the default")
        String policy,

        @NotNull @Doc("The exact input the approval is bound to")
        Map<String, Object> input,

        @NotNull @Doc("SHA-256 of the action and the input as canonical JSON")
        String inputHash,

        String reason,

        @NotNull @Doc("The credential (or admin:<name>) that asked")
        String requestedBy,

        @Doc("The run that proposed it, for an agent's proposal")
        String runId,

        @Doc("The agent of that run") String agent,
        @NotNull Instant requestedAt,
        @NotNull Instant expiresAt,
        Instant decidedAt,

        @Doc("When an execution used it; an approval is used once")
        Instant consumedAt,

        String executionId)
        implements Serializable {

    @Doc("One approver's decision")
    public record DecisionView(
            @NotNull String decider,
            @NotNull String decision,
            String comment,
            @NotNull Instant decidedAt) implements Serializable {

        static DecisionView of(ApprovalDecision d) {
            return new DecisionView(d.getDecider(), d.getDecision(), d.getComment(), d.getDecidedAt());
        }
    }

    static ApprovalView of(Approval a, Instant now) {
        return new ApprovalView(
                a.getId(),
                a.getAction(),
                a.getCollection(),
                a.statusAt(now),
                a.getRisk(),
                a.getApproversRequired(),
                (int) a.approvals(),
                a.getDecisions().stream().map(DecisionView::of).toList(),
                a.getPolicyPattern(),
                JsonTree.object(a.getInputJson()),
                a.getInputHash(),
                a.getReason(),
                a.getRequestedBy(),
                a.getRunId(),
                a.getAgentSlug(),
                a.getRequestedAt(),
                a.getExpiresAt(),
                a.getDecidedAt(),
                a.getConsumedAt(),
                a.getExecutionId());
    }
}
