package dev.agentry.core.agents;

import dev.agentry.core.tools.ToolAction;
import dev.agentry.core.tools.ToolDescriptor;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * Which tools an agent may call: entries name a tool, a category or {@code *}. Deny wins over allow,
 * a {@code forbidden} action is a deny, and what no entry allows is denied.
 */
public record ToolPolicy(
        @NotNull List<String> allow,
        @NotNull List<String> deny,
        @NotNull Map<String, ToolAction> actions) {

    public static final ToolPolicy DENY_ALL = new ToolPolicy(List.of(), List.of(), Map.of());

    public ToolPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        actions = Map.copyOf(actions);
    }

    public boolean permits(ToolDescriptor tool) {
        if (selects(deny, tool) || action(tool) == ToolAction.FORBIDDEN) {
            return false;
        }
        return selects(allow, tool);
    }

    public ToolAction action(ToolDescriptor tool) {
        return actions.getOrDefault(tool.name(), ToolAction.DIRECT);
    }

    private static boolean selects(List<String> entries, ToolDescriptor tool) {
        return entries.contains("*") || entries.contains(tool.name()) || entries.contains(tool.category());
    }
}
