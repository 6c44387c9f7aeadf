package dev.agentry.core.operations;

import dev.agentry.core.sandbox.Redactor;
import java.util.regex.Pattern;

/**
 * What a caller may read of why a step failed: the first line of the recorded failure without the
 * exception's class or any other qualified class name, with well-known key shapes masked, and short. The
 * server log keeps the whole story.
 */
final class JobFailure {

    static final int MAX_LENGTH = 300;
    static final String UNSTATED = "The step failed; the server log has the details.";

    /** {@code com.example.SomeException:} and every other dotted name ending in a capitalised class. */
    private static final Pattern QUALIFIED_CLASS =
            Pattern.compile("\\b(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z0-9_$]+)*:?\\s*");

    private JobFailure() {}

    static String redacted(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        String firstLine = recorded.strip().lines().findFirst().orElse("");
        String text = Redactor.none()
                .redact(QUALIFIED_CLASS.matcher(firstLine).replaceAll(""))
                .strip();
        if (text.isEmpty()) {
            return UNSTATED;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }
}
