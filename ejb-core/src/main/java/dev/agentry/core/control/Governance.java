package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.control.ControlPolicy;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How one action is governed now: by the most specific matching policy, or, where none matches, by the
 * default — approval by one approver, medium risk, valid for a day.
 */
@Doc("How an action is governed: the policy that matched (null for the default) and what it demands")
public record Governance(
        @JsonbNillable @Doc("The matching policy's pattern; null when no policy matches and the default governs")
        String policy,

        boolean requiresApproval,
        @NotNull @Doc("low, medium, high or critical") String risk,

        @Doc("How many distinct approvers must approve (1 or 2)")
        int approvers,

        @NotNull @Doc("How long an approval stays valid after it is requested (ISO-8601 duration)")
        String approvalTtl,

        @Doc("Executions per credential and hour; absent for no limit")
        Integer maxPerHour) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    /** With no matching policy: approval by one approver. */
    public static final Governance DEFAULT = new Governance(null, true, "medium", 1, DEFAULT_TTL.toString(), null);

    static Governance of(ControlPolicy policy) {
        return new Governance(
                policy.getPattern(),
                policy.isRequiresApproval(),
                policy.getRisk(),
                policy.getApprovers(),
                policy.getApprovalTtl().toString(),
                policy.getMaxPerHour());
    }

    public Duration ttl() {
        return Duration.parse(approvalTtl);
    }
}
