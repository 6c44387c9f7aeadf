package dev.agentry.core.problem;

import java.util.Locale;

/**
 * The fixed catalog of machine-readable error codes (SPEC section 4). Callers branch on {@link
 * #code()}, so a code, once published, never changes meaning; the status is the one every surface
 * answers with. New features add constants here, never ad-hoc strings.
 */
public enum ErrorCode {
    AUTH_MISSING(401, "Authentication required"),
    AUTH_INVALID(401, "Invalid credentials or token"),
    TOKEN_EXPIRED(401, "Token expired"),
    CREDENTIAL_PAUSED(403, "Credential paused"),
    CREDENTIAL_REVOKED(403, "Credential revoked"),
    CREDENTIAL_EXPIRED(403, "Credential expired"),
    IP_NOT_ALLOWED(403, "Client address not allowed"),
    SCOPE_DENIED(403, "Scope not granted"),
    VALIDATION_FAILED(400, "Validation failed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    CONFLICT(409, "Conflict"),
    CURSOR_INVALID(400, "Invalid cursor"),
    CURSOR_EXPIRED(410, "Cursor expired"),
    RATE_LIMITED(429, "Rate limit exceeded"),
    WRITES_DISABLED(403, "Governed writes are disabled"),
    APPROVAL_REQUIRED(403, "Approval required"),
    IDEMPOTENCY_CONFLICT(409, "Idempotency key reused with a different request"),
    TRANSCRIPT_LOCKED(409, "Transcript locked"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL(500, "Internal error"),
    BUNDLE_INVALID(409, "Bundle does not verify"),
    PATCH_DOES_NOT_APPLY(409, "Patch does not apply"),
    BRANCH_EXISTS(409, "Branch already exists");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The wire form, e.g. {@code not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
