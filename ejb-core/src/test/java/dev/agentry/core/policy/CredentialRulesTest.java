package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    private static CredentialRequest request(
            String name, String owner, List<String> scopes, Integer ttl, List<String> ips) {
        return new CredentialRequest(name, owner, null, scopes, List.of("entry.updated", "order.*"), ttl, true, 7, ips);
    }

    @Test
    void aCompleteRequestPasses() {
        assertDoesNotThrow(() -> CredentialRules.checkNew(
                request("sync", "team-a", List.of("changes:read", "entries:read"), 90, List.of("10.0.0.0/8"))));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AgentryException e = assertThrows(
                AgentryException.class,
                () -> CredentialRules.checkNew(
                        request(" ", null, List.of("changes:read", "root:everything"), 0, List.of("10.0.0.0/33"))));

        assertEquals(
                List.of("name", "owner", "scopes[1]", "ttlDays", "ipAllowlist[0]"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void governedWriteScopesCannotBeGrantedWhileWritesAreOff() {
        AgentryException e = assertThrows(
                AgentryException.class,
                () -> CredentialRules.checkNew(request("x", "y", List.of("control:actions:execute"), null, List.of())));

        assertEquals("unknown_scope", e.errors().get(0).code());
    }

    @Test
    void aChangeChecksOnlyWhatIsGiven() {
        assertDoesNotThrow(() -> CredentialRules.checkChange(
                new CredentialRequest(null, null, null, null, null, null, false, null, null)));
    }

    @Test
    void eventInterestsMustLookLikeEventTypes() {
        CredentialRequest bad = new CredentialRequest(
                "x",
                "y",
                null,
                null,
                List.of("entry.updated", "Entry Updated", "order.*", "*", "nodot"),
                null,
                true,
                null,
                null);

        AgentryException e = assertThrows(AgentryException.class, () -> CredentialRules.checkNew(bad));

        assertEquals(
                List.of("eventInterests[1]", "eventInterests[4]"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void duplicateScopesCollapseKeepingOrder() {
        assertEquals(
                List.of("changes:read", "entries:read"),
                CredentialRules.scopes(List.of("changes:read", "entries:read", "changes:read")));
    }
}
