package dev.agentry.core.providers;

import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;

/**
 * Tool names as functions: Chat Completions allows {@code [A-Za-z0-9_-]{1,64}}, so {@code
 * workspace.read} is offered as {@code workspace_read} and mapped back when the model calls it. A
 * name the catalog does not know is kept (cut to 64 characters), so the run answers it as an unknown
 * tool.
 */
final class ToolNames {

    private ToolNames() {}

    static String function(String tool) {
        return tool.replace('.', '_');
    }

    static String tool(String function) {
        for (ToolDescriptor tool : ToolCatalog.ALL) {
            if (function(tool.name()).equals(function)) {
                return tool.name();
            }
        }
        return function.length() > 64 ? function.substring(0, 64) : function;
    }
}
