package dev.agentry.core.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Console passwords, hashed by the platform: Jakarta Security's {@link Pbkdf2PasswordHash}
 * (PBKDF2-HMAC-SHA256, 210,000 iterations as OWASP recommends), stored in its notation {@code
 * PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>} (Base64). Hashes stored before, as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>}, are the same function over the same parameters in another
 * notation: they are read by translating the notation, and replaced by a fresh hash at the next sign-in,
 * as is any hash of a lower cost.
 */
@ApplicationScoped
public class AdminPasswords {

    static final int ITERATIONS = 210_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String CURRENT_PREFIX = ALGORITHM + ":" + ITERATIONS + ":";
    private static final String EARLIER_PREFIX = "pbkdf2-sha256$";

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash of nothing anyone knows, checked for unknown names to spend the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        // Salt and key keep the platform's sizes (32 bytes each); only its iteration default (2,048) is too low.
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                ALGORITHM,
                "Pbkdf2PasswordHash.Iterations",
                Integer.toString(ITERATIONS)));
        decoy = hash.generate("decoy".toCharArray());
    }

    /** A new salted hash of the password. */
    public String hash(char[] password) {
        return hash.generate(password);
    }

    /** Whether the password matches the stored hash, of either notation; compares in constant time. */
    public boolean matches(char[] password, String stored) {
        try {
            return hash.verify(password, platformNotation(stored));
        } catch (IllegalArgumentException e) {
            // Not a hash this server wrote: nothing matches it.
            return false;
        }
    }

    /** Spends the time of a real check, for a name that has no account. */
    public void matchDecoy(char[] password) {
        matches(password, decoy);
    }

    /** Whether a hash that just verified should be replaced: an earlier notation or a lower cost. */
    public boolean outdated(String stored) {
        return !stored.startsWith(CURRENT_PREFIX);
    }

    static String platformNotation(String stored) {
        return stored.startsWith(EARLIER_PREFIX)
                ? ALGORITHM + ":" + stored.substring(EARLIER_PREFIX.length()).replace('$', ':')
                : stored;
    }
}
