package dev.agentry.core.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent that ships with Agentry, registered through the startup event like any extension's: it
 * edits the demo seed's files with the workspace tools and runs the verify steps.
 */
@ApplicationScoped
public class DemoAgent {

    public static final String SLUG = "demo";

    static final AgentDefinition DEFINITION = new AgentDefinition(
            SLUG,
            "Demo agent",
            "Edits files in its workspace and checks them with the operator's verify steps; replays a script.",
            "Make the change the goal asks for, keep the verify steps passing, and report what you did.",
            "scripted",
            "",
            new ToolPolicy(List.of("workspace", "verify", "catalog"), List.of(), Map.of()),
            JsonValue.EMPTY_JSON_OBJECT,
            Set.of("runs:write", "entries:read", "products:read"),
            Map.of("ships-with", "agentry"));

    void register(@Observes AgentRegistration registration) {
        registration.register(DEFINITION, "startup:" + DemoAgent.class.getName());
    }
}
