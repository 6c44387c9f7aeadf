package dev.agentry.core.cursor;

import dev.agentry.core.keys.ServerKey;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Makes paging cursors opaque and tamper-evident: the payload (a version, a position and what the
 * cursor is bound to) travels with a truncated HMAC under the server's key, so a cursor edited,
 * forged, or carried to another collection or filter is refused as {@code cursor_invalid}.
 */
@ApplicationScoped
public class CursorSeal {

    private static final int MAC_CHARS = 20;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ServerKey key;

    public String seal(String payload) {
        return ENCODER.encodeToString((payload + "~" + mac(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /** The payload of a cursor this server sealed; {@code cursor_invalid} for anything else. */
    public String open(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int cut = text.lastIndexOf('~');
            if (cut > 0) {
                String payload = text.substring(0, cut);
                if (MessageDigest.isEqual(
                        mac(payload).getBytes(StandardCharsets.US_ASCII),
                        text.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
                    return payload;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below
        }
        throw invalid("The cursor is not one this API issued, or it was altered.");
    }

    public static AgentryException invalid(String detail) {
        return new AgentryException(ErrorCode.CURSOR_INVALID, detail);
    }

    private String mac(String payload) {
        // Domain-separated from the audit chain's use of the same key.
        return key.hmac().sign("agentry-cursor\n" + payload).substring(0, MAC_CHARS);
    }
}
