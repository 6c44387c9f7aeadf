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
