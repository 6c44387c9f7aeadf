package dev.agentry.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalTest {

    private static final Instant REQUESTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant EXPIRES = REQUESTED.plusSeconds(600);

    private static Approval approval(int approvers) {
        return new Approval(
                "apr_1",
                "entry.update",
                "entries",
                "{}",
                "hash",
                null,
                new Approval.Requester("cred-1", "cred-1", null, null),
                null,
                "medium",
                approvers,
                REQUESTED,
                EXPIRES);
    }

    @Test
    void aPendingApprovalIsExpiredFromItsExpiryOnWhetherOrNotItWasMarked() {
        Approval approval = approval(1);
        assertEquals("pending", approval.statusAt(EXPIRES.minusMillis(1)));
        assertEquals("expired", approval.statusAt(EXPIRES));
        assertEquals("pending", approval.getStatus(), "stored status untouched until the sweep marks it");
    }

    @Test
    void anApprovedButUnusedApprovalExpiresTooAndAUsedOneStaysApproved() {
        Approval unused = approval(1);
        unused.approve(REQUESTED.plusSeconds(1));
        assertEquals("approved", unused.statusAt(EXPIRES.minusSeconds(1)));
        assertEquals("expired", unused.statusAt(EXPIRES.plusSeconds(1)));

        Approval used = approval(1);
        used.approve(REQUESTED.plusSeconds(1));
        used.consume("exe_1", REQUESTED.plusSeconds(2));
        assertTrue(used.isConsumed());
        assertEquals("approved", used.statusAt(EXPIRES.plusSeconds(1)));
    }

    @Test
    void decisionsAreCountedPerDecider() {
        Approval approval = approval(2);
        approval.record("a", "approve", null, REQUESTED);
        assertEquals(1, approval.approvals());
        assertTrue(approval.decidedBy("a"));
        assertFalse(approval.decidedBy("b"));
        approval.record("b", "reject", "no", REQUESTED);
        assertEquals(1, approval.approvals());
        approval.reject(REQUESTED);
        assertEquals("rejected", approval.statusAt(EXPIRES.plusSeconds(1)));
    }
}
