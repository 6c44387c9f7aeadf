package dev.agentry.core.agents;

import dev.agentry.core.cursor.Page;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.schema.Doc;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An agent as {@code agentry/agent/v1} with where it was defined: what the agents boundary hands the
 * API, serialized by JSON-B; the contract of {@code GET /agents/{slug}} and of each item of {@code GET
 * /agents}, published as the {@code agent} schema.
 */
@Doc(AgentRequest.SCHEMA + ": an agent definition, with its origin and whether the API may change it")
@JsonbPropertyOrder({
    "schema",
    "slug",
    "label",
    "description",
    "instructions",
    "provider",
    "model",
    "toolPolicy",
    "memoryPolicy",
    "permissionCeiling",
    "metadata",
    "origin",
    "editable"
})
public record AgentView(
        @NotNull String schema,
        @NotNull @Pattern(regexp = AgentView.SLUG) String slug,
        @NotNull @Size(max = 200) String label,
        @NotNull @Size(max = 2000) String description,
        @NotNull @Size(max = 20000) String instructions,
        @NotNull @Size(max = 50) String provider,
        @NotNull @Size(max = 200) String model,
        @NotNull @Valid Policy toolPolicy,

        @NotNull @Doc("The agent's memory settings, free-form")
        Map<String, Object> memoryPolicy,

        @NotNull @Doc("The most a run of this agent may do; scopes")
        List<String> permissionCeiling,

        @NotNull @Doc("Describes; grants nothing") Map<String, String> metadata,
        @NotNull @Doc("startup:<class>, file:<name> or api") String origin,

        @Doc("Only an agent registered through the API can be changed through it")
        boolean editable)
        implements Serializable {

    public static final String SCHEMA = AgentRequest.SCHEMA;

    /** A slug: 2 to 63 lowercase letters, digits and dashes, from a letter. */
    public static final String SLUG = "^[a-z][a-z0-9-]{1,62}$";

    /** The tool policy as written: selectors allowed and denied, and each tool's action by its wire name. */
    @JsonbPropertyOrder({"allow", "deny", "actions"})
    public record Policy(
            @NotNull List<String> allow,
            @NotNull List<String> deny,

            @NotNull @Doc("A tool's action by tool name: direct, preview or forbidden")
            Map<String, String> actions)
            implements Serializable {}

    /**
     * {@code GET /agents}: the common envelope ({@code data, count, hasMore, nextCursor}; every agent fits
     * in one page) and, beside it, the definitions that were not registered and why.
     */
    @JsonbPropertyOrder({"count", "data", "hasMore", "nextCursor", "rejected"})
    public record Listing(
            int count,
            @NotNull List<AgentView> data,
            boolean hasMore,
            @JsonbNillable String nextCursor,
            @NotNull List<AgentRegistry.Rejected> rejected) {

        public static Listing of(Page<AgentView> page, List<AgentRegistry.Rejected> rejected) {
            return new Listing(page.count(), page.data(), page.hasMore(), page.nextCursor(), rejected);
        }
    }

    public static AgentView of(RegisteredAgent agent) {
        AgentDefinition definition = agent.definition();
        Map<String, String> actions = new LinkedHashMap<>();
        definition.toolPolicy().actions().forEach((tool, action) -> actions.put(tool, action.wire()));
        return new AgentView(
                AgentRequest.SCHEMA,
                definition.slug(),
                definition.label(),
                definition.description(),
                definition.instructions(),
                definition.provider(),
                definition.model(),
                new Policy(
                        definition.toolPolicy().allow(), definition.toolPolicy().deny(), actions),
                JsonTree.object(definition.memoryPolicy()),
                List.copyOf(new TreeSet<>(definition.permissionCeiling())),
                definition.metadata(),
                agent.origin(),
                agent.editable());
    }
}
