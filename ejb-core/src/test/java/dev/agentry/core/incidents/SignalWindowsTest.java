package dev.agentry.core.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalWindowsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private final SignalWindows windows = new SignalWindows(Duration.ofMinutes(5));

    @Test
    void everyCountedSignalCrossesWarnAndCriticalAndResolvesWhenItsOccurrencesLeaveTheWindow() {
        for (Signal signal : Signal.values()) {
            if (signal.kind() != Signal.Kind.COUNT) {
                continue;
            }
            Thresholds t = signal.defaults();
            long value = 0;
            for (long i = 1; i <= t.critical(); i++) {
                value = windows.observe(SignalObserved.once(signal, "c-1", T0.plusSeconds(i % 60)), T0.plusSeconds(60));
                Optional<Severity> reached = t.severityOf(value);
                assertEquals(
                        i < t.warn()
                                ? Optional.empty()
                                : Optional.of(i < t.critical() ? Severity.WARN : Severity.CRITICAL),
                        reached,
                        signal + " at " + i);
            }
            assertEquals(t.critical(), value);
            SignalWindows.Key key = new SignalWindows.Key(signal, "c-1");
            assertEquals(Optional.of(0L), windows.value(key, T0.plus(Duration.ofMinutes(6))), signal.toString());
            assertTrue(t.severityOf(0).isEmpty());
        }
    }

    @Test
    void aLevelStandsUntilTheNextMeasurementAndCrossesBothWays() {
        for (Signal signal : Signal.values()) {
            if (signal.kind() != Signal.Kind.LEVEL) {
                continue;
            }
            Thresholds t = signal.defaults();
            SignalWindows.Key key = new SignalWindows.Key(signal, "all");
            assertTrue(windows.value(key, T0).isEmpty(), "unknown before it is measured");
            windows.observe(new SignalObserved(signal, "all", t.warn(), T0), T0);
            assertEquals(
                    Optional.of(t.critical() > t.warn() ? Severity.WARN : Severity.CRITICAL),
                    t.severityOf(windows.value(key, T0.plusSeconds(3600)).orElseThrow()));
            windows.observe(new SignalObserved(signal, "all", t.critical(), T0), T0);
            assertEquals(
                    Optional.of(Severity.CRITICAL),
                    t.severityOf(windows.value(key, T0).orElseThrow()));
            windows.observe(new SignalObserved(signal, "all", 0, T0), T0);
            assertTrue(t.severityOf(windows.value(key, T0).orElseThrow()).isEmpty());
        }
    }

    @Test
    void occurrencesAfterNowCountOnlyOnceTheirTimeComes() {
        SignalWindows.Key key = new SignalWindows.Key(Signal.SCOPE_DENIALS, "c-2");
        windows.observe(SignalObserved.once(Signal.SCOPE_DENIALS, "c-2", T0.plusSeconds(100)), T0);
        assertEquals(Optional.of(0L), windows.value(key, T0));
        assertEquals(Optional.of(1L), windows.value(key, T0.plusSeconds(100)));
    }

    @Test
    void memoryIsBoundedPerKeyAndInKeys() {
        for (int i = 0; i < SignalWindows.MAX_PER_KEY + 10; i++) {
            windows.observe(SignalObserved.once(Signal.SERVER_ERRORS, "api", T0), T0);
        }
        assertEquals(
                Optional.of((long) SignalWindows.MAX_PER_KEY),
                windows.value(new SignalWindows.Key(Signal.SERVER_ERRORS, "api"), T0));
        for (int i = 0; i < SignalWindows.MAX_KEYS + 10; i++) {
            windows.observe(SignalObserved.once(Signal.TOKEN_FAILURES, "c-" + i, T0), T0);
        }
        assertTrue(windows.keys().size() <= SignalWindows.MAX_KEYS);
    }

    @Test
    void thresholdsAndSubjectsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0, 4));
        assertEquals(
                IncidentSignals.UNATTRIBUTED,
                SignalObserved.once(Signal.TOKEN_FAILURES, null, T0).subject());
        assertEquals(
                SignalObserved.MAX_SUBJECT,
                SignalObserved.once(Signal.FAILED_JOBS, "x".repeat(500), T0)
                        .subject()
                        .length());
    }

    @Test
    void theIdIsStableForSignalAndSubjectAndRevealsNeither() {
        String id = IncidentBook.idOf(Signal.SCOPE_DENIALS, "cred-1");
        assertEquals(id, IncidentBook.idOf(Signal.SCOPE_DENIALS, "cred-1"));
        assertNotEquals(id, IncidentBook.idOf(Signal.TOKEN_FAILURES, "cred-1"));
        assertNotEquals(id, IncidentBook.idOf(Signal.SCOPE_DENIALS, "cred-2"));
        assertTrue(id.matches("inc_[0-9a-f]{24}"), id);
    }

    @Test
    void refusalsAndFailuresMapToTheirSignals() {
        assertEquals(Optional.of(Signal.TOKEN_FAILURES), CallSignals.of("auth_invalid"));
        assertEquals(Optional.of(Signal.TOKEN_FAILURES), CallSignals.of("invalid_client"));
        assertEquals(Optional.of(Signal.SCOPE_DENIALS), CallSignals.of("scope_denied"));
        assertEquals(Optional.of(Signal.RATE_LIMIT_DENIALS), CallSignals.of("rate_limited"));
        assertEquals(Optional.of(Signal.SERVER_ERRORS), CallSignals.of("internal"));
        assertEquals(Optional.empty(), CallSignals.of("validation_failed"));
        assertEquals(Optional.empty(), CallSignals.of(null));
    }
}
