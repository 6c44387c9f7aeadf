package dev.agentry.core.changes;

import dev.agentry.core.cursor.CursorSeal;
import java.util.function.UnaryOperator;

/**
 * Where a walk of the feed resumes: right after {@code position}, in the collections {@code binding} names.
 *
 * <p>A page's cursors share one seal: the seal covers the version, the binding and the positions the page spans,
 * {@code first} to {@code last}, and each change's cursor is that seal followed by {@code .} and the change's
 * position, which must lie within the span. Sealing once per page instead of once per change is what keeps a
 * long walk cheap; every change still has a cursor to resume from. A position edited outside its page's span,
 * or a seal edited at all, is {@code cursor_invalid}; a position edited within the span resumes at a point
 * the same walk reaches from the change shown just before it — a position of the span that belongs to no
 * change shown is one of a collection the binding leaves out — so no edit reaches anything the caller was
 * not already given. Cursors sealed one per change (version {@code c1}, issued before) are still read.
 */
record FeedCursor(String binding, long position) {

    private static final String SPAN = "c2";
    private static final String SINGLE = "c1";
    private static final char SEPARATOR = '.'; // not in the base64url alphabet the seal is written in
    private static final int MAX_DIGITS = 18;

    /** What to seal once for a page whose changes lie from {@code first} to {@code last}. */
    static String span(String binding, long first, long last) {
        return SPAN + "|" + binding + "|" + first + "|" + last;
    }

    /** The cursor of the change at {@code position}, on a page whose {@link #span} was sealed as {@code sealed}. */
    static String at(String sealed, long position) {
        return sealed + SEPARATOR + position;
    }

    /** The cursor {@code open} (the seal's check) accepts, read; {@code cursor_invalid} otherwise. */
    static FeedCursor read(String cursor, UnaryOperator<String> open) {
        String text = cursor.strip();
        int cut = text.lastIndexOf(SEPARATOR);
        if (cut < 0) {
            String[] parts = open.apply(text).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(SINGLE)) {
                throw notChanges();
            }
            return new FeedCursor(parts[1], number(parts[2]));
        }
        String[] parts = open.apply(text.substring(0, cut)).split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(SPAN)) {
            throw notChanges();
        }
        long position = number(text.substring(cut + 1));
        if (position < number(parts[2]) || position > number(parts[3])) {
            throw CursorSeal.invalid("The cursor is not one this API issued, or it was altered.");
        }
        return new FeedCursor(parts[1], position);
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw CursorSeal.invalid("The cursor is not one this API issued, or it was altered.");
        }
        return Long.parseLong(digits);
    }

    private static RuntimeException notChanges() {
        return CursorSeal.invalid("The cursor is not a changes cursor.");
    }
}
