package dev.agentry.core.audit;

import dev.agentry.core.cursor.CursorSeal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The payload of the audit trail's paging cursor: a version, the query's filters and a chain position.
 * {@link CursorSeal} seals it like every other cursor, so a cursor forged, edited, carried from
 * another feed, or reused with other filters is {@code cursor_invalid}: a caller cannot steer the
 * position past what the filters it was issued for would have shown.
 */
final class AuditCursor {

    /** {@code a1} was the unsealed Base64 position of earlier versions: refused now, like any forgery. */
    private static final String VERSION = "a2";

    private AuditCursor() {}

    static String payload(AuditQuery filters, long sequence) {
        return VERSION + "|" + binding(filters) + "|" + sequence;
    }

    /** The chain position an opened cursor continues after, if it was issued for these filters. */
    static long position(AuditQuery filters, String payload) {
        // The binding's values are URL-encoded, so it holds no '|': a cursor of ours has three parts.
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw CursorSeal.invalid("The cursor is not an audit trail cursor.");
        }
        if (!parts[1].equals(binding(filters))) {
            throw CursorSeal.invalid(
                    "The cursor was issued for other filters; use the same filters, or start again without a cursor.");
        }
        try {
            long sequence = Long.parseLong(parts[2]);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw CursorSeal.invalid("The cursor is not an audit trail cursor.");
    }

    /** The filters, each encoded so that no two different sets of filters read the same. */
    private static String binding(AuditQuery q) {
        return String.join(
                ",",
                Stream.of(
                                q.since(),
                                q.until(),
                                q.credentialId(),
                                q.action(),
                                q.outcome() == null ? null : q.outcome().wireName())
                        .map(v -> URLEncoder.encode(Objects.toString(v, ""), StandardCharsets.UTF_8))
                        .toList());
    }
}
