package dev.agentry.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    /** SPEC section 4: the published catalog, in order. Changing it breaks callers. */
    private static final List<String> PUBLISHED = List.of(
            "auth_missing",
            "auth_invalid",
            "token_expired",
            "credential_paused",
            "credential_revoked",
            "credential_expired",
            "ip_not_allowed",
            "scope_denied",
            "validation_failed",
            "not_found",
            "method_not_allowed",
            "not_acceptable",
            "unsupported_media_type",
            "payload_too_large",
            "conflict",
            "cursor_invalid",
            "cursor_expired",
            "rate_limited",
            "writes_disabled",
            "approval_required",
            "idempotency_conflict",
            "transcript_locked",
            "service_unavailable",
            "internal",
            "bundle_invalid",
            "patch_does_not_apply",
            "branch_exists");

    @Test
    void theCatalogIsExactlyThePublishedCodes() {
        assertEquals(
                PUBLISHED,
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void everyCodeIsAnErrorStatusWithATitle() {
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.status() >= 400 && code.status() <= 599, code + " has an error status");
            assertTrue(!code.title().isBlank(), code + " has a title");
        }
    }

    @Test
    void containerErrorsKeepTheirHttpMeaning() {
        assertEquals(404, ErrorCode.NOT_FOUND.status());
        assertEquals(405, ErrorCode.METHOD_NOT_ALLOWED.status());
        assertEquals(406, ErrorCode.NOT_ACCEPTABLE.status());
        assertEquals(413, ErrorCode.PAYLOAD_TOO_LARGE.status());
        assertEquals(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE.status());
        assertEquals(500, ErrorCode.INTERNAL.status());
    }
}
