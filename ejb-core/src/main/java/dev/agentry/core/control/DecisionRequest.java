package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One approver's decision. */
@Doc("An approver's decision on a pending approval")
public record DecisionRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "approve|reject", message = "is approve or reject")
        @Doc("approve or reject")
        String decision,

        @Size(max = 1000) @PlainText @Doc("Why, for the audit trail")
        String comment) {

    boolean approves() {
        return "approve".equals(decision);
    }
}
