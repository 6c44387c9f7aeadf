package dev.agentry.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import org.junit.jupiter.api.Test;

class AuditOutcomeTest {

    @Test
    void refusedAuthenticationScopeOrRateIsADenialAnyOtherErrorAFailure() {
        assertEquals(AuditOutcome.SUCCESS, AuditOutcome.ofStatus(204));
        assertEquals(AuditOutcome.DENIED, AuditOutcome.ofStatus(401));
        assertEquals(AuditOutcome.DENIED, AuditOutcome.ofStatus(403));
        assertEquals(AuditOutcome.DENIED, AuditOutcome.ofStatus(429));
        assertEquals(AuditOutcome.FAILED, AuditOutcome.ofStatus(404));
        assertEquals(AuditOutcome.FAILED, AuditOutcome.ofStatus(500));
    }

    @Test
    void aFilterNamesOneByItsWireNameInAnyCaseOrIsRefused() {
        assertEquals(AuditOutcome.DENIED, AuditOutcome.ofFilter(" Denied "));
        assertEquals("failed", AuditOutcome.ofFilter("failed").wireName());
        assertNull(AuditOutcome.ofFilter(" "));
        AgentryException refused = assertThrows(AgentryException.class, () -> AuditOutcome.ofFilter("maybe"));
        assertEquals("outcome", refused.errors().get(0).field());
    }
}
