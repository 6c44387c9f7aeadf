package dev.agentry.core.agents;

import dev.agentry.core.json.JsonTree;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An agent as {@code agentry/agent/v1} with where it was defined: what the agents boundary hands the
 * API, serialized by JSON-B.
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
    "metadata",
    "origin",
    "editable"
})
public record AgentView(
        String schema,
        String slug,
        String label,
        String description,
        String instructions,
        String provider,
        String model,
        Policy toolPolicy,
        Map<String, Object> memoryPolicy,
        List<String> permissionCeiling,
        Map<String, String> metadata,
        String origin,
        boolean editable) {

    /** The tool policy as written: selectors allowed and denied, and each tool's action by its wire name. */
    @JsonbPropertyOrder({"allow", "deny", "actions"})
    public record Policy(List<String> allow, List<String> deny, Map<String, String> actions) {}

    public static AgentView of(RegisteredAgent agent) {
        AgentDefinition definition = agent.definition();
        Map<String, String> actions = new LinkedHashMap<>();
        definition.toolPolicy().actions().forEach((tool, action) -> actions.put(tool, action.wire()));
        return new AgentView(
                AgentJson.SCHEMA,
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
