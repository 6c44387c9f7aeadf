package dev.agentry.core.tools;

import java.util.Locale;
import java.util.Optional;

/** What happens when an agent calls a tool its policy allows. */
public enum ToolAction {
    /** The call runs. */
    DIRECT,
    /** The call is recorded with its arguments but not run; the agent hears what would have happened. */
    PREVIEW,
    /** The tool is denied, as if the policy denied it. */
    FORBIDDEN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ToolAction> parse(String text) {
        for (ToolAction action : values()) {
            if (action.wire().equals(text)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
