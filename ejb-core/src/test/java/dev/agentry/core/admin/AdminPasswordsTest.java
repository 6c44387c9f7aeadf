package dev.agentry.core.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminPasswordsTest {

    /** "correct horse battery staple" as the console stored it before it used the platform's hash. */
    private static final String EARLIER_HASH =
            "pbkdf2-sha256$210000$CvWVjSfbxY3gXVBTzkj9/g==$BjhACDQ54hVTb8ApHY2Glnl8uZWsLj/itNQQEJGTY1s=";

    private static final AdminPasswords PASSWORDS = new AdminPasswords();

    @BeforeAll
    static void withThePlatformsHash() {
        // The implementation WildFly injects (Soteria's), configured as the server configures it.
        PASSWORDS.hash = new Pbkdf2PasswordHashImpl();
        PASSWORDS.configure();
    }

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedAndSlowInThePlatformsNotation() {
        String hash = PASSWORDS.hash("correct horse".toCharArray());

        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:" + AdminPasswords.ITERATIONS + ":"), hash);
        assertTrue(PASSWORDS.matches("correct horse".toCharArray(), hash));
        assertFalse(PASSWORDS.matches("correct horsE".toCharArray(), hash));
        assertFalse(PASSWORDS.matches("".toCharArray(), hash));
        assertNotEquals(hash, PASSWORDS.hash("correct horse".toCharArray()), "a fresh salt each time");
        assertFalse(PASSWORDS.outdated(hash));
    }

    @Test
    void aHashStoredBeforeStillVerifiesAndIsReplacedAtTheNextSignIn() {
        assertTrue(PASSWORDS.matches("correct horse battery staple".toCharArray(), EARLIER_HASH));
        assertFalse(PASSWORDS.matches("correct horse battery stapler".toCharArray(), EARLIER_HASH));
        assertTrue(PASSWORDS.outdated(EARLIER_HASH));
    }

    @Test
    void aLowerCostIsOutdated() {
        assertTrue(PASSWORDS.outdated("PBKDF2WithHmacSHA256:2048:c2FsdA==:aGFzaA=="));
    }

    @Test
    void anythingElseMatchesNothingAndThrowsNothing() {
        for (String stored : new String[] {
            "plain-text", "bcrypt$10$abc$def", "PBKDF2WithHmacSHA256:many:c2FsdA==:aGFzaA==", "pbkdf2-sha256$x$!$!", ""
        }) {
            assertFalse(PASSWORDS.matches("x".toCharArray(), stored), stored);
        }
    }
}
