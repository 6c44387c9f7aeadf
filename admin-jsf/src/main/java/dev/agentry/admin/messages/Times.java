package dev.agentry.admin.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as pages print them: {@code <time datetime="#{times.iso(t)}">#{times.utc(t)}</time>}. The page
 * shows UTC to the second; console.js turns it into the reader's own zone with a relative time, the
 * exact UTC time on hover.
 */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** ISO-8601 to the second, for the {@code datetime} attribute; empty for no time. */
    public String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The same time for people, in UTC; empty for no time. */
    public String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }
}
