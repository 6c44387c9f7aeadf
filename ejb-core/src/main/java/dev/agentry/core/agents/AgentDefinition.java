package dev.agentry.core.agents;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent as SPEC section 9 defines it. The permission ceiling bounds what its runs may do
 * (effective scopes = ceiling ∩ the invoking credential's scopes); metadata describes and grants
 * nothing.
 */
public record AgentDefinition(
        String slug,
        String label,
        String description,
        String instructions,
        String provider,
        String model,
        ToolPolicy toolPolicy,
        JsonObject memoryPolicy,
        Set<String> permissionCeiling,
        Map<String, String> metadata) {

    public AgentDefinition {
        permissionCeiling = Set.copyOf(new TreeSet<>(permissionCeiling));
        metadata = Map.copyOf(metadata);
    }
}
