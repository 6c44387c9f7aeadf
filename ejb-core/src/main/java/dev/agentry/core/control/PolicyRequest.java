package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.Creation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A policy to create, or the changes to one (every field optional then; the pattern never changes).
 */
@Doc("A governed-write policy: which actions it governs and how")
public record PolicyRequest(
        @NotNull(groups = Creation.class, message = "is required")
        @Size(max = 100)
        @Pattern(regexp = PolicyPattern.SYNTAX, message = "is an action, <prefix>.* or *")
        @Doc("The actions governed: an action name, <prefix>.* or *")
        String pattern,

        @Doc("Whether an approved approval is needed to execute (default true)")
        Boolean requiresApproval,

        @Pattern(regexp = "low|medium|high|critical", message = "is low, medium, high or critical")
        @Doc("low, medium, high or critical (default medium)")
        String risk,

        @Min(value = 1, message = "is 1 or 2")
        @Max(value = 2, message = "is 1 or 2")
        @Doc("How many distinct approvers must approve: 1 or 2 (default 1)")
        Integer approvers,

        @Size(max = 40) @Doc("How long an approval stays valid, ISO-8601, from PT1M to P30D (default PT24H)")
        String approvalTtl,

        @Min(value = 1, message = "is from 1 to 100000")
        @Max(value = 100_000, message = "is from 1 to 100000")
        @Doc("At most this many executions per credential and hour; absent for no limit")
        Integer maxPerHour) {}
