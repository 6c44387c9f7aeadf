package dev.agentry.core.agents;

/**
 * A definition with where it came from: {@code startup:<class>}, {@code file:<name>} or {@code api}.
 * Only API agents can be changed through the API; the others change where they are written.
 */
public record RegisteredAgent(AgentDefinition definition, String origin) {

    public static final String API = "api";

    public boolean editable() {
        return origin.equals(API);
    }
}
