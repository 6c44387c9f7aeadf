package dev.agentry.core.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.tools.ToolAction;
import dev.agentry.core.validation.JsonRecords;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An agent registered through the API is stored as JSON-B writes its {@link AgentRequest}: the form the
 * hand-written writer of earlier versions stored, so their rows read back unchanged.
 */
class StoredAgentFormTest {

    /** A row as earlier versions stored it. */
    private static final String OLD_ROW = "{\"schema\":\"agentry/agent/v1\",\"slug\":\"fixer\",\"label\":\"Fixer\","
            + "\"description\":\"Fixes things\",\"instructions\":\"Be careful.\",\"provider\":\"scripted\","
            + "\"model\":\"\",\"toolPolicy\":{\"allow\":[\"files\"],\"deny\":[\"run_step\"],"
            + "\"actions\":{\"write_file\":\"preview\"}},\"memoryPolicy\":{\"turns\":5},"
            + "\"permissionCeiling\":[\"catalog:read\",\"runs:write\"],\"metadata\":{\"team\":\"core\"}}";

    private static final AgentDefinition FIXER = new AgentDefinition(
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

    @Test
    void anAgentIsStoredInTheFormEarlierVersionsWrote() {
        assertEquals(OLD_ROW, JsonRecords.write(AgentRequest.of(FIXER)));
    }

    @Test
    void aRowAnEarlierVersionWroteReadsBackAsTheSameDefinition() {
        AgentRequest stored = JsonRecords.bind(
                        Json.createReader(new StringReader(OLD_ROW)).readValue(), AgentRequest.class)
                .value();

        assertEquals(FIXER, stored.definition(null));
    }
}
