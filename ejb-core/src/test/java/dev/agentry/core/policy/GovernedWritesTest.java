package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GovernedWritesTest {

    private static final GovernedWrites OFF = new GovernedWrites(false);
    private static final GovernedWrites ON = new GovernedWrites(true);

    @Test
    void offHidesEveryControlScopeAndRefusesToGrantIt() {
        assertFalse(OFF.enabled());
        assertTrue(OFF.offeredScopes().stream().noneMatch(GrantableScope::governedWrites));
        assertTrue(OFF.offeredScopes().stream().noneMatch(s -> s.scope().startsWith("control:")));
        assertEquals(
                List.of("control:actions:execute", "control:policies:write"),
                OFF.ungrantable(List.of("entries:read", "control:actions:execute", "control:policies:write")));
    }

    @Test
    void onOffersAndGrantsThem() {
        assertTrue(ON.offeredScopes().stream().anyMatch(s -> s.scope().equals("control:approvals:decide")));
        assertEquals(ScopeCatalog.ALL.size(), ON.offeredScopes().size());
        assertEquals(List.of(), ON.ungrantable(List.of("control:actions:execute", "entries:read")));
    }

    @Test
    void offIsTheDefaultOfANewSwitch() throws NoSuchFieldException {
        var property = GovernedWrites.class
                .getDeclaredField("enabled")
                .getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class);
        assertEquals("false", property.defaultValue());
        assertEquals("agentry.writes.experimental", property.name());
    }
}
