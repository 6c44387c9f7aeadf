package dev.agentry.api.audit;

import dev.agentry.core.audit.AuditOutcome;

/** How an API call is named and judged in the audit trail, the same wherever it is recorded. */
public final class AuditedCall {

    /** The action column's width, less room for the method and the marker. */
    private static final int MAX_PATH = 160;

    /**
     * The request attribute holding an {@link Answered}: a call answered {@code 200} whose protocol carried a
     * refusal or failure inside (an MCP tool error), recorded as that refusal.
     */
    public static final String ANSWERED = AuditedCall.class.getName() + ".answered";

    /**
     * What a call answered inside a successful HTTP response.
     *
     * @param status the HTTP status the same refusal has on REST
     * @param errorCode its stable code
     */
    public record Answered(int status, String errorCode) {}

    private AuditedCall() {}

    /** What came of a call answered with this status. */
    public static AuditOutcome outcome(int status) {
        return AuditOutcome.ofStatus(status);
    }

    /**
     * The action of a call that reached no API route: its method and raw (still percent-encoded) path, cut
     * short so a hostile path cannot bloat the trail.
     */
    public static String unmatched(String method, String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH) + "...";
        }
        String verb = method == null || method.length() > 16 ? "?" : method;
        return verb + " " + path + " (unmatched)";
    }
}
