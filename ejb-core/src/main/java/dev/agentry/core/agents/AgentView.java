package dev.agentry.core.agents;

import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An agent as {@code agentry/agent/v1} with where it came from: the contract of {@code GET /agents/{slug}} and of
 * each item of {@code GET /agents}, published as the {@code agent} schema.
 */
@Doc(AgentJson.SCHEMA + ": an agent definition, with its origin and whether the API may change it")
public record AgentView(
        @NotNull @Pattern(regexp = AgentView.SLUG) String slug,
        @NotNull @Size(max = 200) String label,
        @NotNull @Size(max = 2000) String description,
        @NotNull @Size(max = 20000) String instructions,
        @NotNull @Size(max = 50) String provider,
        @NotNull @Size(max = 200) String model,
        @NotNull @Valid ToolPolicy toolPolicy,

        @NotNull @Doc("The agent's memory settings, free-form")
        JsonObject memoryPolicy,

        @NotNull @Doc("The most a run of this agent may do; scopes")
        List<String> permissionCeiling,

        @NotNull @Doc("Describes; grants nothing") Map<String, String> metadata,
        @NotNull @Doc("startup:<class>, file:<name> or api") String origin,

        @Doc("Only an agent registered through the API can be changed through it")
        boolean editable) {

    public static final String SCHEMA = AgentJson.SCHEMA;

    /** A slug: 2 to 63 lowercase letters, digits and dashes, from a letter. */
    public static final String SLUG = "^[a-z][a-z0-9-]{1,62}$";

    /** {@code GET /agents}: every agent, and the definitions that were refused and why. */
    public record Listing(
            @NotNull List<AgentView> data, @NotNull List<AgentRegistry.Rejected> rejected) {}
}
