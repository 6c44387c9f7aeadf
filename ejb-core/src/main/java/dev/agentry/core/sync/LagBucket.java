package dev.agentry.core.sync;

/** How far behind a consumer is, by SPEC section 6's thresholds. */
public enum LagBucket {
    HEALTHY,
    WARNING,
    CRITICAL;

    static final long HEALTHY_UP_TO_SECONDS = 300;
    static final long WARNING_UP_TO_SECONDS = 1800;

    public static LagBucket of(long secondsBehind) {
        if (secondsBehind <= HEALTHY_UP_TO_SECONDS) {
            return HEALTHY;
        }
        return secondsBehind <= WARNING_UP_TO_SECONDS ? WARNING : CRITICAL;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
