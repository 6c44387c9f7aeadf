package dev.agentry.core.incidents;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The incident window and each signal's thresholds: {@code agentry.incidents.window} (default five
 * minutes) and {@code agentry.incidents.<signal>.warn|critical}, defaults from {@link Signal}. A pair
 * that makes no sense (critical below warn, below 1) is refused at start with a log line naming the
 * key, and the defaults apply: an unusable threshold must not silence a signal.
 */
@Boundary
@ApplicationScoped
public class IncidentSettings {

    private static final Logger LOG = Logger.getLogger(IncidentSettings.class);

    @Inject
    @ConfigProperty(name = "agentry.incidents.window", defaultValue = "PT5M")
    Duration window;

    @Inject
    Config config;

    private final Map<Signal, Thresholds> thresholds = new EnumMap<>(Signal.class);

    public Duration window() {
        return window;
    }

    public synchronized Thresholds thresholds(Signal signal) {
        return thresholds.computeIfAbsent(signal, this::configured);
    }

    private Thresholds configured(Signal signal) {
        String prefix = "agentry.incidents." + signal.wireName();
        Thresholds defaults = signal.defaults();
        long warn = config.getOptionalValue(prefix + ".warn", Long.class).orElse(defaults.warn());
        long critical =
                config.getOptionalValue(prefix + ".critical", Long.class).orElse(Math.max(warn, defaults.critical()));
        try {
            return new Thresholds(warn, critical);
        } catch (IllegalArgumentException e) {
            LOG.errorf("%s.warn/.critical are unusable (%s); the defaults apply", prefix, e.getMessage());
            return defaults;
        }
    }
}
