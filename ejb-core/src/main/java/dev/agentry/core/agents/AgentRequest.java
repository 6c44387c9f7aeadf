package dev.agentry.core.agents;

import dev.agentry.core.policy.KnownScope;
import dev.agentry.core.tools.KnownTool;
import dev.agentry.core.tools.ToolAction;
import dev.agentry.core.tools.ToolSelector;
import dev.agentry.core.validation.Codes;
import dev.agentry.core.validation.Creation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent definition as JSON ({@code agentry/agent/v1}), the same shape in files, in the API and in
 * storage, with the rules every field obeys. As a change, absent members keep the agent's value. Stored
 * as JSON-B writes it ({@link #of}).
 */
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
    "metadata"
})
public record AgentRequest(
        @Pattern(
                regexp = AgentRequest.SCHEMA,
                message = "the schema is " + AgentRequest.SCHEMA,
                payload = Codes.Unsupported.class)
        String schema,

        @NotNull(groups = Creation.class, message = AgentRequest.SLUG_RULE, payload = Codes.Invalid.class)
        @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = AgentRequest.SLUG_RULE)
        String slug,

        // Required on creation; given on a change too, it is not blank (a blank label is not "keep it").
        @NotNull(groups = Creation.class, message = "label is required")
        @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "label is required", payload = Codes.Required.class)
        @Size(max = 200, message = "label is at most {max} characters")
        String label,

        @Size(max = 2000, message = "description is at most {max} characters")
        String description,

        @Size(max = 20000, message = "instructions is at most {max} characters")
        String instructions,

        @Size(max = 50, message = "provider is at most {max} characters") @KnownProvider
        String provider,

        @Size(max = 200, message = "model is at most {max} characters")
        String model,

        @Valid AgentPolicy toolPolicy,
        JsonObject memoryPolicy,
        List<@NotNull(message = "each scope is a string") @KnownScope String> permissionCeiling,
        Map<String, String> metadata) {

    public static final String SCHEMA = "agentry/agent/v1";

    static final String SLUG_RULE = "a slug is 2 to 63 lowercase letters, digits and dashes, from a letter";

    /**
     * A tool policy as JSON: selectors allowed and denied, and what a call of each named tool does.
     *
     * @param actions by tool: {@code direct}, {@code preview} or {@code forbidden}
     */
    @JsonbPropertyOrder({"allow", "deny", "actions"})
    public record AgentPolicy(
            List<@NotNull(message = "each entry is a string") @ToolSelector String> allow,
            List<@NotNull(message = "each entry is a string") @ToolSelector String> deny,
            Map<
                            @KnownTool String,
                            @NotNull(message = "an action is direct, preview or forbidden")
                            @Pattern(
                                    regexp = "direct|preview|forbidden",
                                    message = "an action is direct, preview or forbidden")
                            String>
                    actions) {

        ToolPolicy toolPolicy() {
            Map<String, ToolAction> byTool = new LinkedHashMap<>();
            if (actions != null) {
                actions.forEach((tool, action) ->
                        byTool.put(tool, ToolAction.parse(action).orElseThrow()));
            }
            return new ToolPolicy(allow == null ? List.of() : allow, deny == null ? List.of() : deny, byTool);
        }
    }

    /** The request that states {@code definition} whole: its stored form, the same as a definition file's. */
    static AgentRequest of(AgentDefinition definition) {
        Map<String, String> actions = new LinkedHashMap<>();
        definition.toolPolicy().actions().forEach((tool, action) -> actions.put(tool, action.wire()));
        return new AgentRequest(
                SCHEMA,
                definition.slug(),
                definition.label(),
                definition.description(),
                definition.instructions(),
                definition.provider(),
                definition.model(),
                new AgentPolicy(
                        definition.toolPolicy().allow(), definition.toolPolicy().deny(), actions),
                definition.memoryPolicy(),
                List.copyOf(new TreeSet<>(definition.permissionCeiling())),
                definition.metadata());
    }

    /** The definition this (valid) request describes: a new agent's, or {@code base} changed. */
    public AgentDefinition definition(AgentDefinition base) {
        boolean creating = base == null;
        return new AgentDefinition(
                creating ? slug : base.slug(),
                given(label, creating ? null : base.label()),
                given(description, creating ? "" : base.description()),
                given(instructions, creating ? "" : base.instructions()),
                given(provider, creating ? "scripted" : base.provider()),
                given(model, creating ? "" : base.model()),
                toolPolicy != null ? toolPolicy.toolPolicy() : creating ? ToolPolicy.DENY_ALL : base.toolPolicy(),
                memoryPolicy != null ? memoryPolicy : creating ? JsonValue.EMPTY_JSON_OBJECT : base.memoryPolicy(),
                permissionCeiling != null
                        ? new TreeSet<>(permissionCeiling)
                        : creating ? Set.of() : base.permissionCeiling(),
                metadata != null ? metadata : creating ? Map.of() : base.metadata());
    }

    private static <T> T given(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
