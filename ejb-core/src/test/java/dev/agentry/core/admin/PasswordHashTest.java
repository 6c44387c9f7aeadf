package dev.agentry.core.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedAndSlow() {
        String hash = PasswordHash.of("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$"), hash);
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.matches("correct horsE".toCharArray(), hash));
        assertFalse(PasswordHash.matches("".toCharArray(), hash));
        assertNotEquals(hash, PasswordHash.of("correct horse".toCharArray()), "a fresh salt each time");
    }

    @Test
    void aStoredValueOfAnotherShapeNeverMatches() {
        assertFalse(PasswordHash.matches("x".toCharArray(), "plain-text"));
        assertFalse(PasswordHash.matches("x".toCharArray(), "bcrypt$10$abc$def"));
    }
}
