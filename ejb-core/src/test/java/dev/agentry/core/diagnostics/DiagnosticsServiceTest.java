package dev.agentry.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class DiagnosticsServiceTest {

    @Test
    void aMissingOrOrdinaryNoteIsAccepted() {
        assertDoesNotThrow(() -> DiagnosticsService.validateNote(null));
        assertDoesNotThrow(() -> DiagnosticsService.validateNote("after the upgrade to 0.2 — ok"));
        assertDoesNotThrow(() -> DiagnosticsService.validateNote("x".repeat(200)));
    }

    @Test
    void aTooLongNoteIsAFieldError() {
        AgentryException e =
                assertThrows(AgentryException.class, () -> DiagnosticsService.validateNote("x".repeat(201)));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("note", e.errors().get(0).field());
        assertEquals("too_long", e.errors().get(0).code());
    }

    @Test
    void controlCharactersAreRejected() {
        AgentryException e = assertThrows(AgentryException.class, () -> DiagnosticsService.validateNote("line\nbreak"));

        assertEquals("invalid_characters", e.errors().get(0).code());
    }
}
