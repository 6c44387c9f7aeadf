package dev.agentry.core.tools;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class UnicodeTextTest {

    @Test
    void loneSurrogatesAreFoundAndReplacedPairsKept() {
        String pair = "ok \uD83D\uDE00";
        assertTrue(UnicodeText.isWellFormed(pair));
        assertSame(pair, UnicodeText.wellFormed(pair));
        for (String bad : new String[] {"\uD800", "a\uD800b", "\uDC00x", "x\uD83D", "\uDE00\uD83D"}) {
            assertFalse(UnicodeText.isWellFormed(bad), bad);
            assertTrue(UnicodeText.isWellFormed(UnicodeText.wellFormed(bad)), bad);
        }
        assertEquals("a\uFFFDb\uD83D\uDE00\uFFFD", UnicodeText.wellFormed("a\uD800b\uD83D\uDE00\uDC00"));
    }

    @Test
    void loneSurrogatesInAJsonTextAreEscapedToTheSameValueThatUtf8Keeps() {
        String json = Json.createObjectBuilder()
                .add("content", "bad \uD800 text \uD83D\uDE00 \uDC00")
                .build()
                .toString();

        String escaped = UnicodeText.escapedInJson(json);

        assertEquals("{\"content\":\"bad \\ud800 text \uD83D\uDE00 \\udc00\"}", escaped);
        assertTrue(UnicodeText.isWellFormed(escaped));
        assertEquals(
                "bad \uD800 text \uD83D\uDE00 \uDC00",
                Json.createReader(new StringReader(new String(escaped.getBytes(UTF_8), UTF_8)))
                        .readObject()
                        .getString("content"),
                "read back after a round trip through UTF-8");
        String clean = "{\"content\":\"ok \uD83D\uDE00\"}";
        assertSame(clean, UnicodeText.escapedInJson(clean));
    }
}
