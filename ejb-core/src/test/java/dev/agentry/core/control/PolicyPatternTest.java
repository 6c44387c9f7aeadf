package dev.agentry.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PolicyPatternTest {

    private static final List<String> POLICIES = List.of("*", "entry.*", "entry.update", "order.*");

    private static Optional<String> governing(String action, List<String> patterns) {
        return PolicyPattern.governing(action, patterns, Function.identity());
    }

    @Test
    void theMostSpecificMatchingPatternWins() {
        assertEquals("entry.update", governing("entry.update", POLICIES).orElseThrow());
        assertEquals("entry.*", governing("entry.delete", POLICIES).orElseThrow());
        assertEquals("order.*", governing("order.updateStatus", POLICIES).orElseThrow());
        assertEquals("*", governing("tag.create", POLICIES).orElseThrow());
        // Order of the candidates does not matter.
        assertEquals(
                "entry.update",
                governing("entry.update", List.of("entry.update", "entry.*", "*"))
                        .orElseThrow());
    }

    @Test
    void noMatchLeavesTheDefault() {
        assertEquals(Optional.empty(), governing("tag.create", List.of("entry.*", "order.updateStatus")));
        assertTrue(Governance.DEFAULT.requiresApproval());
        assertEquals(1, Governance.DEFAULT.approvers());
    }

    @Test
    void aPrefixMatchesOnlyWholeSegments() {
        assertFalse(PolicyPattern.matches("entry.*", "entryx.update"));
        assertFalse(PolicyPattern.matches("entry.update", "entry.updateAll"));
        assertTrue(PolicyPattern.matches("entry.*", "entry.update"));
    }

    @Test
    void onlyWellFormedPatternsAreValid() {
        for (String valid : List.of("*", "entry.*", "order.updateStatus", "artifact.apply")) {
            assertTrue(PolicyPattern.valid(valid), valid);
        }
        for (String invalid : List.of("", "entry.", "*.update", "entry.**", "Entry.update", "a b", "entry.*.x")) {
            assertFalse(PolicyPattern.valid(invalid), invalid);
        }
    }
}
