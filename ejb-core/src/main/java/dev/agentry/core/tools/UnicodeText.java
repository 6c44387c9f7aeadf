package dev.agentry.core.tools;

/**
 * Whether text is well-formed Unicode, and making it so. JSON allows escapes such as {@code "\ud800"}
 * that decode to a lone surrogate: a Java string, but no UTF-8 byte sequence. A model (or a task's
 * script) may send one; it must become a tool error or a replacement character, never a failed run.
 */
public final class UnicodeText {

    /** U+FFFD, what an encoder would put in place of what it cannot encode. */
    public static final char REPLACEMENT = '\uFFFD';

    private UnicodeText() {}

    /** True if every surrogate in the text is half of a pair, so it encodes to UTF-8 as it is. */
    public static boolean isWellFormed(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** The text with every lone surrogate replaced by U+FFFD; the same instance if it had none. */
    public static String wellFormed(String text) {
        int first = firstLoneSurrogate(text);
        if (first < 0) {
            return text;
        }
        StringBuilder fixed = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                fixed.append(c).append(text.charAt(++i));
            } else {
                fixed.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return fixed.toString();
    }

    /**
     * A JSON text with every lone surrogate written as its escape (backslash, u, four hex digits): the same JSON value, in
     * text every database keeps as it is. PostgreSQL stores UTF-8, and its driver would turn the surrogate
     * into a question mark; H2 keeps Java's UTF-16, which is why this only showed on PostgreSQL. Outside a
     * JSON string nothing but ASCII is allowed, so every surrogate is inside one, where an escape is valid.
     */
    public static String escapedInJson(String json) {
        int first = firstLoneSurrogate(json);
        if (first < 0) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 10).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int firstLoneSurrogate(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
