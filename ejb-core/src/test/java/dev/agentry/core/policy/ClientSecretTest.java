package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSecretTest {

    @Test
    void aGeneratedSecretHasThePrefixTheLengthAndParsesBack() {
        ClientSecret secret = ClientSecret.generate();

        String text = secret.reveal();
        assertTrue(text.startsWith("agy_"));
        assertEquals(ClientSecret.LENGTH, text.length());
        assertTrue(ClientSecret.parse(text).isPresent());
    }

    @Test
    void generatedSecretsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ClientSecret.generate().reveal()));
        }
    }

    @Test
    void anyOneCharacterChangeIsCaughtByTheChecksum() {
        String text = ClientSecret.generate().reveal();
        for (int i = ClientSecret.PREFIX.length(); i < text.length(); i++) {
            char replacement = text.charAt(i) == 'a' ? 'b' : 'a';
            String typo = text.substring(0, i) + replacement + text.substring(i + 1);
            assertTrue(ClientSecret.parse(typo).isEmpty(), "position " + i);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "agy_",
                "agy_short",
                "ghp_0123456789012345678901234567890123456789012345678",
                "AGY_0123456789012345678901234567890123456789012345678",
                "agy_01234567890123456789012345678901234567890123456789",
                "agy_0123456789012345678901234567890123456789-12345",
                "agy_012345678901234567890123456789012345678901 2345"
            })
    void malformedTruncatedAndLookAlikeTextIsNotASecret(String text) {
        assertTrue(ClientSecret.parse(text).isEmpty());
    }

    @Test
    void theHashIsSha256HexAndMatchesOnlyItsSecret() {
        ClientSecret secret = ClientSecret.generate();
        ClientSecret other = ClientSecret.generate();

        assertEquals(64, secret.hash().length());
        assertNotEquals(secret.reveal(), secret.hash());
        assertTrue(secret.matches(secret.hash()));
        assertFalse(other.matches(secret.hash()));
        assertFalse(secret.matches(null));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ClientSecret secret = ClientSecret.generate();

        assertFalse(secret.toString().contains(secret.reveal().substring(4, 12)));
    }
}
