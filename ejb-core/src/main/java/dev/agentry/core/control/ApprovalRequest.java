package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request for approval of one action with one input. */
@Doc("A request to approve one governed action with one input")
public record ApprovalRequest(
        @NotNull(message = "is required") @Size(max = 100) @Doc("The action's name; see /capabilities")
        String action,

        @NotNull(message = "is required") @Doc("The exact input the approval will be bound to")
        JsonObject input,

        @Size(max = 1000) @PlainText @Doc("Why, for the approvers")
        String reason) {}
