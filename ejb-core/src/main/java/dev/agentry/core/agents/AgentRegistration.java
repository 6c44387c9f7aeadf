package dev.agentry.core.agents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CDI event fired once at startup: observers register their agents with it. After startup the
 * window is closed and registering fails loudly, so no code can slip an agent in at run time.
 */
public final class AgentRegistration {

    private final Map<String, RegisteredAgent> agents = new LinkedHashMap<>();
    private boolean open = true;

    /**
     * Registers a definition under its slug.
     *
     * @param origin where it comes from, shown in the registry and in a duplicate's error
     * @throws IllegalStateException after the startup window closed
     * @throws DuplicateAgent when the slug is taken; the first registration stays
     */
    public synchronized void register(AgentDefinition definition, String origin) {
        if (!open) {
            throw new IllegalStateException("Agent " + definition.slug()
                    + " registered after startup; agents are registered only while the startup event is delivered.");
        }
        add(new RegisteredAgent(definition, origin));
    }

    /** Adds a definition from a file or storage, with the same first-wins rule. */
    synchronized void add(RegisteredAgent agent) {
        RegisteredAgent first = agents.get(agent.definition().slug());
        if (first != null) {
            throw new DuplicateAgent(agent.definition().slug(), first.origin());
        }
        agents.put(agent.definition().slug(), agent);
    }

    synchronized void close() {
        open = false;
    }

    synchronized Optional<RegisteredAgent> find(String slug) {
        return Optional.ofNullable(agents.get(slug));
    }

    synchronized Map<String, RegisteredAgent> all() {
        return Map.copyOf(agents);
    }
}
