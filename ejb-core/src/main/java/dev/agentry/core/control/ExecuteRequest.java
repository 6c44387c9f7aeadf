package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An action to execute, with the approval its policy demands. */
@Doc("A governed action to execute; with the Idempotency-Key header, at most once")
public record ExecuteRequest(
        @NotNull(message = "is required") @Size(max = 100) @Doc("The action's name; see /capabilities")
        String action,

        @NotNull(message = "is required") @Doc("The action's input, by its schema action.<name>")
        JsonObject input,

        @Size(max = 40)
        @Doc("An approved, unexpired, unused approval of exactly this action and input, where policy demands one")
        String approvalId) {}
