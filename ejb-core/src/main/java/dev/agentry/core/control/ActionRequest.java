package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An action and its input, as simulate takes them. */
@Doc("A governed action and its input, to simulate")
public record ActionRequest(
        @NotNull(message = "is required") @Size(max = 100) @Doc("The action's name; see /capabilities")
        String action,

        @NotNull(message = "is required") @Doc("The action's input, by its schema action.<name>")
        JsonObject input) {}
