package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
        assertTrue(MANAGER.covers(List.of("entries:read"), CredentialReach.UNBOUNDED));
        assertTrue(MANAGER.covers(List.of(), CredentialReach.UNBOUNDED));
        assertFalse(MANAGER.covers(List.of("entries:read", "audit:read"), CredentialReach.UNBOUNDED));

        assertEquals(
                Optional.empty(),
                MANAGER.refusesActingOn("weaker", List.of("entries:read"), CredentialReach.UNBOUNDED));
        assertTrue(MANAGER.refusesActingOn("stronger", List.of("audit:read"), CredentialReach.UNBOUNDED)
                .orElseThrow()
                .contains("audit:read"));
    }

    @Test
    void neverChangesWhatBoundsItsOwnReachWhateverTheValue() {
        List<String> own = List.of("credentials:manage", "entries:read");

        assertTrue(
                MANAGER.refusesChange(SELF, own, CredentialReach.UNBOUNDED, change(own, null, false, null))
                        .isPresent(),
                "same scopes");
        assertTrue(
                MANAGER.refusesChange(SELF, own, CredentialReach.UNBOUNDED, change(List.of(), null, false, null))
                        .isPresent(),
                "fewer");
        assertTrue(MANAGER.refusesChange(SELF, own, CredentialReach.UNBOUNDED, change(null, List.of(), false, null))
                .isPresent());
        assertTrue(MANAGER.refusesChange(SELF, own, CredentialReach.UNBOUNDED, change(null, null, true, null))
                .isPresent());
        String refusal = MANAGER.refusesChange(
                        SELF, own, CredentialReach.UNBOUNDED, change(null, null, true, List.of()))
                .orElseThrow();
        assertTrue(refusal.contains("ipAllowlist, ttlDays"), refusal);

        assertEquals(
                Optional.empty(),
                MANAGER.refusesChange(SELF, own, CredentialReach.UNBOUNDED, describe()),
                "its name is its own");
    }

    @Test
    void changesAnotherOnlyWithinItsScopes() {
        List<String> weaker = List.of("entries:read");

        assertEquals(
                Optional.empty(),
                MANAGER.refusesChange(
                        "other",
                        weaker,
                        CredentialReach.UNBOUNDED,
                        change(List.of("credentials:manage"), List.of(), true, List.of())));
        assertTrue(MANAGER.refusesChange(
                        "other", weaker, CredentialReach.UNBOUNDED, change(List.of("audit:read"), null, false, null))
                .orElseThrow()
                .contains("audit:read"));
        assertTrue(
                MANAGER.refusesChange("other", List.of("audit:read"), CredentialReach.UNBOUNDED, describe())
                        .isPresent(),
                "not even its name, when it is stronger");
    }

    @Test
    void aNarrowedTokenIsAWeakerManagerEvenOfItself() {
        CredentialCeiling narrowed = new CredentialCeiling(new Grant(SELF, Set.of("credentials:manage")));

        assertTrue(
                narrowed.refusesActingOn(SELF, List.of("credentials:manage", "entries:read"), CredentialReach.UNBOUNDED)
                        .isPresent());
    }

    @Test
    void theConsoleCoversEveryScope() {
        CredentialCeiling console = new CredentialCeiling(Grant.console());

        assertTrue(console.covers(
                ScopeCatalog.ALL.stream().map(GrantableScope::scope).toList(), CredentialReach.UNBOUNDED));
        assertEquals(
                Optional.empty(),
                console.refusesChange(
                        "any",
                        List.of("audit:read"),
                        CredentialReach.UNBOUNDED,
                        change(List.of(), List.of(), true, List.of())));
    }

    @Test
    void aManagerBoundInAddressesAndTimeMakesNoTwinThatReachesFurther() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        CredentialCeiling bounded = new CredentialCeiling(
                new Grant(SELF, Set.of("credentials:manage")),
                new CredentialReach(IpAllowlist.parse("ipAllowlist", List.of("10.0.0.0/8")), expiry));

        assertEquals(Optional.empty(), bounded.refusesReach(reach(List.of("10.1.0.0/16", "10.2.3.4"), expiry)));
        assertEquals(Optional.empty(), bounded.refusesReach(reach(List.of("10.1.0.0/16"), expiry.minusSeconds(1))));
        String anywhere = bounded.refusesReach(reach(List.of(), expiry)).orElseThrow();
        assertTrue(anywhere.contains("allowlist"), anywhere);
        assertTrue(bounded.refusesReach(reach(List.of("10.0.0.0/7"), expiry)).isPresent(), "a wider network");
        assertTrue(bounded.refusesReach(reach(List.of("192.168.1.1"), expiry)).isPresent(), "another network");
        String forever =
                bounded.refusesReach(reach(List.of("10.1.0.0/16"), null)).orElseThrow();
        assertTrue(forever.contains("expire"), forever);
        assertTrue(bounded.refusesReach(reach(List.of("10.1.0.0/16"), expiry.plusSeconds(1)))
                .isPresent());

        assertTrue(
                bounded.refusesActingOn("twin", List.of("credentials:manage"), reach(List.of(), null))
                        .isPresent(),
                "nor acts on (and so rotates out) one reaching further");
        assertFalse(bounded.covers(List.of(), reach(List.of(), expiry)), "nor sees it in its list");
        assertTrue(new CredentialCeiling(new Grant(SELF, Set.of()))
                .refusesReach(reach(List.of(), null))
                .isEmpty());
    }

    private static CredentialReach reach(List<String> ips, Instant expiresAt) {
        return new CredentialReach(IpAllowlist.parse("ipAllowlist", ips), expiresAt);
    }
}
