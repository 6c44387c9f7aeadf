package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayResultTest {

    private static ReplayResult.ReplayError disabled(String id) {
        return new ReplayResult.ReplayError(
                id, "conflict", ReplayResult.SUBSCRIPTION_DISABLED + ": subscription s is disabled; enable it");
    }

    @Test
    void theSummarySaysExactlyWhatHappenedWithRefusalsCountedByReason() {
        ReplayResult result = new ReplayResult(
                5,
                3,
                List.of(
                        disabled("1"),
                        new ReplayResult.ReplayError("x", "not_found", "not found: no dead letter \"x\"")));
        assertEquals("3 replayed, 2 refused: 1 subscription disabled, 1 not found", result.summary());
        assertEquals("2 replayed", new ReplayResult(2, 2, List.of()).summary());
        assertEquals(
                "3 replayed, 1 refused: subscription disabled",
                new ReplayResult(4, 3, List.of(disabled("1"))).summary());
        assertFalse(result.conflicted(), "something was replayed: not a conflict as a whole");
    }

    @Test
    void nothingReplayedForAConflictIsAConflictButNothingFoundIsNot() {
        assertTrue(new ReplayResult(1, 0, List.of(disabled("1"))).conflicted());
        assertFalse(new ReplayResult(1, 0, List.of(new ReplayResult.ReplayError("x", "not_found", "not found")))
                .conflicted());
    }
}
