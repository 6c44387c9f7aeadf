package dev.agentry.core.agents;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent as SPEC section 9 defines it. The permission ceiling bounds what its runs may do
 * (effective scopes = ceiling ∩ the invoking credential's scopes); metadata describes and grants
 * nothing.
 */
public record AgentDefinition(
        @NotNull @Pattern(regexp = AgentView.SLUG) String slug,
        @NotNull @Size(max = 200) String label,
        @Size(max = 2000) String description,
        @Size(max = 20000) String instructions,
        @Size(max = 50) String provider,
        @Size(max = 200) String model,
        ToolPolicy toolPolicy,
        JsonObject memoryPolicy,
        Set<String> permissionCeiling,
        Map<String, String> metadata) {

    public AgentDefinition {
        permissionCeiling = Set.copyOf(new TreeSet<>(permissionCeiling));
        metadata = Map.copyOf(metadata);
    }
}
