package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.control.ControlPolicy;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;

@Doc("A governed-write policy")
public record PolicyView(
        @Doc("The policy's id, for PATCH and DELETE") long id,
        @NotNull String pattern,
        boolean requiresApproval,
        @NotNull String risk,
        int approvers,
        @NotNull String approvalTtl,
        Integer maxPerHour,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        long version)
        implements Serializable {

    static PolicyView of(ControlPolicy p) {
        return new PolicyView(
                p.getId(),
                p.getPattern(),
                p.isRequiresApproval(),
                p.getRisk(),
                p.getApprovers(),
                p.getApprovalTtl().toString(),
                p.getMaxPerHour(),
                p.getCreatedAt(),
                p.getUpdatedAt(),
                p.getVersion());
    }
}
