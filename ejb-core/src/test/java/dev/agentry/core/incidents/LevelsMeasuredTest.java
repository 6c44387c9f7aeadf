package dev.agentry.core.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelsMeasuredTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void onlyALevelIsMeasuredAsAWhole() {
        assertThrows(
                IllegalArgumentException.class, () -> new LevelsMeasured(Signal.SCOPE_DENIALS, Map.of("c-1", 3L), T0));
        assertEquals(Map.of("c-1", 400L), new LevelsMeasured(Signal.SYNC_LAG, Map.of("c-1", 400L), T0).levels());
    }

    @Test
    void aMeasurementNamesTheWorstSubjectsUpToItsBound() {
        Map<String, Long> levels = new HashMap<>();
        for (long i = 0; i < LevelsMeasured.MAX_SUBJECTS + 100; i++) {
            levels.put("c-" + i, i);
        }
        Map<String, Long> kept = new LevelsMeasured(Signal.SYNC_LAG, levels, T0).levels();
        assertEquals(LevelsMeasured.MAX_SUBJECTS, kept.size());
        assertTrue(kept.containsKey("c-" + (LevelsMeasured.MAX_SUBJECTS + 99)), "the worst is kept");
        assertTrue(!kept.containsKey("c-0"), "the least is left out");
    }
}
