package dev.agentry.core.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a session keeps and how many runs may wait for it. A transcript past its bounds drops its
 * oldest messages (a window over the conversation, as a chat keeps), never the run's newest ones.
 */
@ApplicationScoped
public class SessionBounds {

    @Inject
    @ConfigProperty(name = "agentry.sessions.max-messages", defaultValue = "400")
    int maxMessages;

    @Inject
    @ConfigProperty(name = "agentry.sessions.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "agentry.sessions.max-waiting", defaultValue = "10")
    int maxWaiting;

    /** The most messages a transcript keeps. */
    public int maxMessages() {
        return maxMessages;
    }

    /** The most bytes (of the messages' JSON text) a transcript keeps. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The most runs that may wait ({@code onBusy: queue}) for one session. */
    public int maxWaiting() {
        return maxWaiting;
    }
}
