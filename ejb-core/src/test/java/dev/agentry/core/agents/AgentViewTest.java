package dev.agentry.core.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.tools.ToolAction;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agent's wire form, {@code agentry/agent/v1} with its origin, as JSON-B writes {@link AgentView}. */
class AgentViewTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void anAgentIsWrittenAsItsDefinitionWithWhereItCameFrom() {
        AgentDefinition definition = new AgentDefinition(
                "fixer",
                "Fixer",
                "Fixes things",
                "Be careful.",
                "scripted",
                "",
                new ToolPolicy(List.of("files"), List.of("run_step"), Map.of("write_file", ToolAction.PREVIEW)),
                Json.createObjectBuilder().add("turns", 5).build(),
                Set.of("runs:write", "catalog:read"),
                Map.of("team", "core"));

        assertEquals(
                "{\"schema\":\"agentry/agent/v1\",\"slug\":\"fixer\",\"label\":\"Fixer\",\"description\":\"Fixes things\","
                        + "\"instructions\":\"Be careful.\",\"provider\":\"scripted\",\"model\":\"\","
                        + "\"toolPolicy\":{\"allow\":[\"files\"],\"deny\":[\"run_step\"],"
                        + "\"actions\":{\"write_file\":\"preview\"}},\"memoryPolicy\":{\"turns\":5},"
                        + "\"permissionCeiling\":[\"catalog:read\",\"runs:write\"],\"metadata\":{\"team\":\"core\"},"
                        + "\"origin\":\"api\",\"editable\":true}",
                JSONB.toJson(AgentView.of(new RegisteredAgent(definition, RegisteredAgent.API))));
    }
}
