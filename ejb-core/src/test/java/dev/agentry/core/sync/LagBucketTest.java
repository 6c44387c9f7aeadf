package dev.agentry.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LagBucketTest {

    @Test
    void theSpecsThresholdsAreInclusive() {
        assertEquals(LagBucket.HEALTHY, LagBucket.of(0));
        assertEquals(LagBucket.HEALTHY, LagBucket.of(300));
        assertEquals(LagBucket.WARNING, LagBucket.of(301));
        assertEquals(LagBucket.WARNING, LagBucket.of(1800));
        assertEquals(LagBucket.CRITICAL, LagBucket.of(1801));
        assertEquals("critical", LagBucket.of(86_400).wireName());
    }
}
