package dev.agentry.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterruptedExecutionsTest {

    private static final String SELF = "node-a";

    private static final List<RunningExecution> RUNNING = List.of(
            new RunningExecution(1, "retention", SELF),
            new RunningExecution(2, "retention", null),
            new RunningExecution(3, "retention", "node-b"),
            new RunningExecution(4, "retention", "node-c"));

    @Test
    void atStartThisNodesEarlierLifeAndDeadNodesLeftTheirsBehind() {
        assertEquals(List.of(1L, 2L, 4L), InterruptedExecutions.of(RUNNING, SELF, Set.of(SELF, "node-b"), true));
    }

    @Test
    void laterOnlyDeadNodesExecutionsAreInterrupted() {
        // This node's own (and unattributed) executions run here now.
        assertEquals(List.of(4L), InterruptedExecutions.of(RUNNING, SELF, Set.of(SELF, "node-b"), false));
    }

    @Test
    void aLiveOtherNodesExecutionsSurviveEvenBeforeThisNodeIsSeen() {
        assertEquals(List.of(1L, 2L, 4L), InterruptedExecutions.of(RUNNING, SELF, Set.of("node-b"), true));
        assertEquals(List.of(4L), InterruptedExecutions.of(RUNNING, SELF, Set.of("node-b"), false));
    }

    @Test
    void noLiveNodeLeavesOnlyTheOthersExecutionsToFailLater() {
        assertEquals(List.of(3L, 4L), InterruptedExecutions.of(RUNNING, SELF, Set.of(), false));
    }
}
