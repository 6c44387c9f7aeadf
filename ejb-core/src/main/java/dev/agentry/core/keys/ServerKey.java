package dev.agentry.core.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's HMAC key, kept outside the database: from configuration ({@code
 * AGENTRY_AUDIT_HMAC_KEY}, base64 of at least 32 bytes), or else generated once into a file in the
 * server's data directory that only the server's user can read. It chains the audit trail and seals
 * the cursors the API hands out, so whoever can change the database can neither forge a chain nor a
 * cursor. (The configuration key and file keep their first names, from when only the audit used it.)
 */
@ApplicationScoped
public class ServerKey {

    static final String KEY_FILE = "agentry/audit-hmac.key";

    @Inject
    @ConfigProperty(name = "agentry.audit.hmac-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    private volatile Hmac hmac;

    /** Computes and checks HMAC-SHA256 with a fixed key. */
    public static final class Hmac {

        private final SecretKeySpec key;

        public Hmac(byte[] key) {
            if (key.length < 32) {
                throw new IllegalArgumentException("the server HMAC key needs at least 32 bytes");
            }
            this.key = new SecretKeySpec(key, "HmacSHA256");
        }

        // A Mac is not thread-safe, and creating one per call costs more than the HMAC: one per thread.
        private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

        public String sign(String text) {
            return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
            }
        }

        public boolean matches(String text, String hash) {
            return MessageDigest.isEqual(
                    sign(text).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    public Hmac hmac() {
        Hmac current = hmac;
        if (current == null) {
            current = new Hmac(
                    ServerKeyFile.configuredOrFile(configured, Path.of(dataDir).resolve(KEY_FILE), 32));
            hmac = current;
        }
        return current;
    }
}
