package dev.agentry.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

    private static final AuditQuery DENIED = new AuditQuery(
            Instant.parse("2026-01-01T00:00:00Z"), null, "cred|1", "credential.", AuditOutcome.DENIED, null, 50);

    @Test
    void aPayloadLeadsBackToItsPosition() {
        assertEquals(42, AuditCursor.position(DENIED, AuditCursor.payload(DENIED, 42)));
    }

    @Test
    void theLimitAndPositionAreNotPartOfTheBinding() {
        String payload = AuditCursor.payload(DENIED, 7);

        assertEquals(7, AuditCursor.position(DENIED.after(3L), payload));
        assertEquals(
                7,
                AuditCursor.position(
                        new AuditQuery(DENIED.since(), null, "cred|1", "credential.", AuditOutcome.DENIED, null, 500),
                        payload));
    }

    @Test
    void aCursorOfOtherFiltersIsInvalid() {
        String payload = AuditCursor.payload(DENIED, 7);

        refused(() -> AuditCursor.position(new AuditQuery(null, null, null, null, null, null, 50), payload));
        refused(() -> AuditCursor.position(
                new AuditQuery(DENIED.since(), null, "cred", "1|credential.", AuditOutcome.DENIED, null, 50), payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1:42", "42", "", "c1||42", "a2|,,,,|-1", "a2|,,,,|x", "a2|,,,,|1|2", "a2|,,,,"})
    void anythingElseIsInvalid(String payload) {
        refused(() -> AuditCursor.position(new AuditQuery(null, null, null, null, null, null, 50), payload));
    }

    @Test
    void theEmptyFiltersBindToo() {
        AuditQuery none = new AuditQuery(null, null, null, null, null, null, 50);

        assertEquals(0, AuditCursor.position(none, AuditCursor.payload(none, 0)));
    }

    private static void refused(Runnable open) {
        assertEquals(
                ErrorCode.CURSOR_INVALID,
                assertThrows(AgentryException.class, open::run).code());
    }
}
