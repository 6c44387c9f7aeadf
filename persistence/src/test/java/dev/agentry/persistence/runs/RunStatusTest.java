package dev.agentry.persistence.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
                Set.of(RunStatus.QUEUED, RunStatus.BOOTING, RunStatus.RUNNING, RunStatus.COLLECTING_ARTIFACTS),
                RunStatus.before(RunStatus.SUCCEEDED));
    }

    @Test
    void storedRowsKeepReadingByTheirLowerCaseNames() {
        assertEquals("timed_out", new RunStatus.Column().convertToDatabaseColumn(RunStatus.TIMED_OUT));
        assertEquals(
                RunStatus.COLLECTING_ARTIFACTS,
                new RunStatus.Column().convertToEntityAttribute("collecting_artifacts"));
        assertEquals(Outcome.NO_OP, new Outcome.Column().convertToEntityAttribute("no_op"));
        assertEquals("unable_to_remediate", new Outcome.Column().convertToDatabaseColumn(Outcome.UNABLE_TO_REMEDIATE));
        for (StopReason reason : StopReason.values()) {
            assertEquals(reason, new StopReason.Column().convertToEntityAttribute(reason.wire()));
        }
        assertEquals(StopReason.VERIFY_FAILED, new StopReason.Column().convertToEntityAttribute("verify_failed"));
        assertEquals(null, new StopReason.Column().convertToEntityAttribute(null));
        assertThrows(IllegalStateException.class, () -> new RunStatus.Column().convertToEntityAttribute("QUEUED"));
    }

    @Test
    void outcomesEndInTheirStatus() {
        assertEquals(RunStatus.SUCCEEDED, Outcome.NO_OP.status());
        assertEquals(RunStatus.FAILED, Outcome.PROVIDER_ERROR.status());
        assertEquals(RunStatus.FAILED, Outcome.UNABLE_TO_REMEDIATE.status());
        assertEquals(RunStatus.TIMED_OUT, Outcome.TIMEOUT.status());
    }
}
