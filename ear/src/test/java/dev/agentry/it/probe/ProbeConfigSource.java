package dev.agentry.it.probe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Test-only: configuration a test sets for a while and removes in a finally block, for settings read on
 * each use (such as {@code agentry.retention.audit-trail}) that no suite-wide value could serve.
 */
public class ProbeConfigSource implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /** Sets the key, or removes it when {@code value} is {@code null} or empty. */
    public static void set(String key, String value) {
        if (value == null || value.isEmpty()) {
            VALUES.remove(key);
        } else {
            VALUES.put(key, value);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String key) {
        return VALUES.get(key);
    }

    @Override
    public String getName() {
        return "agentry-test-probe";
    }

    @Override
    public int getOrdinal() {
        return 1000;
    }
}
