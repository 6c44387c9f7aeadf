package dev.agentry.core.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose memory: the agent's (shared by every run of it), the credential's (its owner's runs of the
 * agent), or one session's (that credential's runs on that session).
 */
public enum MemoryLayer {
    AGENT,
    CREDENTIAL,
    SESSION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemoryLayer> parse(String text) {
        return Arrays.stream(values()).filter(l -> l.wire().equals(text)).findFirst();
    }
}
