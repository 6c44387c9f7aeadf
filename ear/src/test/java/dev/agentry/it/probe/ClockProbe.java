package dev.agentry.it.probe;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the application's clock with one a test can move, to reach expiry without waiting. Every
 * test that moves it puts it back.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ClockProbe {

    private volatile Duration offset = Duration.ZERO;

    public void shift(Duration offset) {
        this.offset = offset;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Shifted(this);
    }

    public static final class Shifted extends Clock {

        private final ClockProbe probe;

        Shifted(ClockProbe probe) {
            this.probe = probe;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(probe.offset);
        }
    }
}
