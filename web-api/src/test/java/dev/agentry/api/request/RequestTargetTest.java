package dev.agentry.api.request;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void plainAndWellEscapedTargetsAreReadable() {
        assertTrue(RequestTarget.decodesToUtf8(null));
        assertTrue(RequestTarget.decodesToUtf8("/api/v1/credentials/abc"));
        assertTrue(RequestTarget.decodesToUtf8("/api/v1/tags/caf%C3%A9"));
        assertTrue(RequestTarget.decodesToUtf8("q=%E2%82%AC+x&limit=10"));
        assertTrue(RequestTarget.decodesToUtf8("/api/v1/%F0%9F%98%80"));
    }

    @Test
    void escapesThatAreNotUtf8AreRefused() {
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%C0%AF"), "overlong slash");
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%FF"));
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%C3"), "truncated sequence");
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%ED%A0%80"), "lone surrogate");
    }

    @Test
    void brokenEscapesAreRefused() {
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%"));
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%4"));
        assertFalse(RequestTarget.decodesToUtf8("/api/v1/%G1"));
    }
}
