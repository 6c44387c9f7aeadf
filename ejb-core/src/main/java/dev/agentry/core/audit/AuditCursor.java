package dev.agentry.core.audit;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque, versioned cursor of the audit trail's pages: a chain position, encoded. */
public final class AuditCursor {

    private static final String VERSION = "a1:";

    private AuditCursor() {}

    static String after(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor continues after, or {@code null} for none; {@code cursor_invalid} if forged. */
    public static Long read(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(VERSION)) {
                return Long.parseLong(text.substring(VERSION.length()));
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: refused below
        }
        throw new AgentryException(ErrorCode.CURSOR_INVALID, "The cursor is not one this API issued.");
    }
}
