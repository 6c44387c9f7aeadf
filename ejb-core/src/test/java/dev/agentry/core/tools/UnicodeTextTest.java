package dev.agentry.core.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
