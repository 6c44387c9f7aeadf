package dev.agentry.admin.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.agents.AgentRequest;
import dev.agentry.core.agents.AgentView;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentFormTest {

    private static AgentView agent() {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("layers", List.of("agent", "session"));
        memory.put("write", true);
        memory.put("maxEntries", new BigDecimal(50));
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("workspace.write", "preview");
        actions.put("workspace.delete", "forbidden");
        return new AgentView(
                AgentRequest.SCHEMA,
                "fixer",
                "Fixer",
                "",
                "Fix it.",
                "scripted",
                "",
                new AgentView.Policy(List.of("workspace", "memory"), List.of("workspace.delete"), actions),
                memory,
                List.of("runs:write"),
                Map.of("team", "qa"),
                "api",
                true);
    }

    @Test
    void anAgentIsShownAsTheFormWritesItAndSavedAsItWas() {
        AgentForm form = AgentForm.of(agent());
        assertEquals("workspace\nmemory", form.getAllow());
        assertEquals("workspace.write = preview\nworkspace.delete = forbidden", form.getActions());
        assertEquals(List.of("agent", "session"), form.getMemoryLayers());
        assertTrue(form.isMemoryWrite());
        assertTrue(form.problems().isEmpty());

        AgentRequest change = form.request(false);
        assertNull(change.slug(), "a change never names the slug: it cannot change");
        assertEquals(List.of("workspace", "memory"), change.toolPolicy().allow());
        assertEquals(
                Map.of("workspace.write", "preview", "workspace.delete", "forbidden"),
                change.toolPolicy().actions());
        assertEquals(List.of("runs:write"), change.permissionCeiling());
        assertEquals(Map.of("team", "qa"), change.metadata());
        assertEquals("fixer", form.request(true).slug());
    }

    @Test
    void theMemoryPolicyKeepsWhatTheFormDoesNotEdit() {
        AgentForm form = AgentForm.of(agent());
        form.setMemoryLayers(List.of("credential"));
        form.setMemoryWrite(false);
        JsonObject policy = form.memoryPolicy();
        assertEquals("credential", policy.getJsonArray("layers").getString(0));
        assertFalse(policy.getBoolean("write"));
        assertEquals(50, policy.getInt("maxEntries"), "a setting this form does not show is kept");
    }

    @Test
    void pairsArePerLineAndAnUnreadableOrRepeatedLineIsNamedByItsNumber() {
        AgentForm form = new AgentForm();
        form.setActions("workspace.read = preview\n\nworkspace.write\nworkspace.read = direct");
        form.setMetadata(" = x\nteam = qa");
        assertEquals(Map.of("actions", List.of(3, 4), "metadata", List.of(1)), form.problems());
        assertEquals(4, AgentForm.lineNaming("a = 1\n\n\nworkspace.read = x", "workspace.read"));
        assertEquals(3, AgentForm.lineOf("a\n\nb", 1));
        assertEquals(Map.of("a", "b = c"), AgentForm.entries("a = b = c"));
    }
}
