package dev.agentry.core.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.tools.ToolAction;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolPolicyTest {

    private static final ToolDescriptor READ =
            ToolCatalog.named(ToolCatalog.WORKSPACE_READ).orElseThrow();
    private static final ToolDescriptor DELETE =
            ToolCatalog.named(ToolCatalog.WORKSPACE_DELETE).orElseThrow();
    private static final ToolDescriptor VERIFY =
            ToolCatalog.named(ToolCatalog.VERIFY_RUN).orElseThrow();

    @Test
    void nothingIsAllowedByDefault() {
        assertFalse(ToolPolicy.DENY_ALL.permits(READ));
    }

    @Test
    void denyWinsOverAllowAndForbiddenIsADeny() {
        ToolPolicy policy = new ToolPolicy(
                List.of("workspace", "verify.run"),
                List.of("workspace.delete"),
                Map.of("verify.run", ToolAction.FORBIDDEN));
        assertTrue(policy.permits(READ), "allowed by category");
        assertFalse(policy.permits(DELETE), "denied by name although its category is allowed");
        assertFalse(policy.permits(VERIFY), "forbidden");
        assertFalse(new ToolPolicy(List.of("*"), List.of("*"), Map.of()).permits(READ));
    }

    @Test
    void registeringOutsideTheStartupWindowFailsLoudlyAndTheFirstOfASlugWins() {
        AgentRegistration registration = new AgentRegistration();
        AgentDefinition agent = new AgentDefinition(
                "one",
                "One",
                "",
                "",
                "scripted",
                "",
                ToolPolicy.DENY_ALL,
                JsonValue.EMPTY_JSON_OBJECT,
                Set.of(),
                Map.of());
        registration.register(agent, "startup:First");
        DuplicateAgent duplicate =
                assertThrows(DuplicateAgent.class, () -> registration.register(agent, "startup:Second"));
        assertEquals("startup:First", duplicate.firstOrigin());
        assertTrue(duplicate.getMessage().contains("startup:First"));
        registration.close();
        AgentDefinition late = new AgentDefinition(
                "late",
                "Late",
                "",
                "",
                "scripted",
                "",
                ToolPolicy.DENY_ALL,
                JsonValue.EMPTY_JSON_OBJECT,
                Set.of(),
                Map.of());
        assertThrows(IllegalStateException.class, () -> registration.register(late, "startup:Late"));
        assertEquals("startup:First", registration.find("one").orElseThrow().origin());
    }
}
