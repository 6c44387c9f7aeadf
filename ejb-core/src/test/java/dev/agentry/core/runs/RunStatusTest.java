package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void statusesMoveForwardOnlyAndTerminalOnesNeverChange() {
        assertTrue(RunStatus.QUEUED.canMoveTo(RunStatus.BOOTING));
        assertTrue(RunStatus.QUEUED.canMoveTo(RunStatus.CANCELLED), "a queued run can be cancelled outright");
        assertTrue(RunStatus.RUNNING.canMoveTo(RunStatus.TIMED_OUT));
        assertFalse(RunStatus.RUNNING.canMoveTo(RunStatus.BOOTING));
        assertFalse(RunStatus.RUNNING.canMoveTo(RunStatus.RUNNING));
        for (RunStatus terminal : RunStatus.TERMINAL) {
            for (RunStatus any : RunStatus.values()) {
                assertFalse(terminal.canMoveTo(any), terminal + " -> " + any);
            }
        }
        assertEquals(
                Set.of("queued", "booting", "running", "collecting_artifacts"), RunStatus.before(RunStatus.SUCCEEDED));
    }

    @Test
    void outcomesEndInTheirStatus() {
        assertEquals(RunStatus.SUCCEEDED, Outcome.NO_OP.status());
        assertEquals(RunStatus.FAILED, Outcome.PROVIDER_ERROR.status());
        assertEquals(RunStatus.FAILED, Outcome.UNABLE_TO_REMEDIATE.status());
        assertEquals(RunStatus.TIMED_OUT, Outcome.TIMEOUT.status());
    }
}
