package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCeilingTest {

    private static final String SELF = "self-id";
    private static final CredentialCeiling MANAGER =
            new CredentialCeiling(new Grant(SELF, Set.of("credentials:manage", "entries:read")));

    private static CredentialRequest change(
            List<String> scopes, List<String> interests, boolean ttl, List<String> ips) {
        return new CredentialRequest("n", null, "d", scopes, interests, null, ttl, null, ips);
    }

    private static CredentialRequest describe() {
        return change(null, null, false, null);
    }

    @Test
    void grantsOnlyWhatItHoldsAndNamesTheRest() {
        assertEquals(Optional.empty(), MANAGER.refusesGranting(List.of("entries:read")));
        assertEquals(Optional.empty(), MANAGER.refusesGranting(List.of()));

        String refusal = MANAGER.refusesGranting(List.of("users:read_sensitive", "entries:read", "audit:read"))
                .orElseThrow();

        assertTrue(refusal.contains("audit:read, users:read_sensitive"), refusal);
        assertFalse(refusal.contains("entries:read"), refusal);
    }

    @Test
    void actsOnlyOnCredentialsWithinItsScopes() {
        assertTrue(MANAGER.covers(List.of("entries:read")));
        assertTrue(MANAGER.covers(List.of()));
        assertFalse(MANAGER.covers(List.of("entries:read", "audit:read")));

        assertEquals(Optional.empty(), MANAGER.refusesActingOn("weaker", List.of("entries:read")));
        assertTrue(MANAGER.refusesActingOn("stronger", List.of("audit:read"))
                .orElseThrow()
                .contains("audit:read"));
    }

    @Test
    void neverChangesWhatBoundsItsOwnReachWhateverTheValue() {
        List<String> own = List.of("credentials:manage", "entries:read");

        assertTrue(
                MANAGER.refusesChange(SELF, own, change(own, null, false, null)).isPresent(), "same scopes");
        assertTrue(
                MANAGER.refusesChange(SELF, own, change(List.of(), null, false, null))
                        .isPresent(),
                "fewer");
        assertTrue(MANAGER.refusesChange(SELF, own, change(null, List.of(), false, null))
                .isPresent());
        assertTrue(
                MANAGER.refusesChange(SELF, own, change(null, null, true, null)).isPresent());
        String refusal = MANAGER.refusesChange(SELF, own, change(null, null, true, List.of()))
                .orElseThrow();
        assertTrue(refusal.contains("ipAllowlist, ttlDays"), refusal);

        assertEquals(Optional.empty(), MANAGER.refusesChange(SELF, own, describe()), "its name is its own");
    }

    @Test
    void changesAnotherOnlyWithinItsScopes() {
        List<String> weaker = List.of("entries:read");

        assertEquals(
                Optional.empty(),
                MANAGER.refusesChange(
                        "other", weaker, change(List.of("credentials:manage"), List.of(), true, List.of())));
        assertTrue(MANAGER.refusesChange("other", weaker, change(List.of("audit:read"), null, false, null))
                .orElseThrow()
                .contains("audit:read"));
        assertTrue(
                MANAGER.refusesChange("other", List.of("audit:read"), describe())
                        .isPresent(),
                "not even its name, when it is stronger");
    }

    @Test
    void aNarrowedTokenIsAWeakerManagerEvenOfItself() {
        CredentialCeiling narrowed = new CredentialCeiling(new Grant(SELF, Set.of("credentials:manage")));

        assertTrue(narrowed.refusesActingOn(SELF, List.of("credentials:manage", "entries:read"))
                .isPresent());
    }

    @Test
    void theConsoleCoversEveryScope() {
        CredentialCeiling console = new CredentialCeiling(Grant.console());

        assertTrue(console.covers(
                ScopeCatalog.ALL.stream().map(GrantableScope::scope).toList()));
        assertEquals(
                Optional.empty(),
                console.refusesChange("any", List.of("audit:read"), change(List.of(), List.of(), true, List.of())));
    }
}
