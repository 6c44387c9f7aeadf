package dev.agentry.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.keys.ServerKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedSecretTest {

    private static final String SECRET = "whsec_c2VjcmV0IHRoYXQgbXVzdCBuZXZlciBiZSBzZWVu";
    private static final KeyEncryptionKey KEK = new KeyEncryptionKey(bytes(1));
    private static final KeyEncryptionKey OTHER_KEK = new KeyEncryptionKey(bytes(2));
    private static final RowIdentity ROW = RowIdentity.webhookSubscription("7b0c6c8e-row-one");
    private static final RowIdentity OTHER_ROW = RowIdentity.webhookSubscription("9f3d1a2b-row-two");

    @Test
    void aSealedSecretOpensForItsRowUnderItsKek() throws Exception {
        String stored = SealedSecret.seal(KEK, SECRET, ROW).encoded();

        assertEquals(SECRET, SealedSecret.parse(stored).open(KEK, ROW));
        assertFalse(stored.contains(SECRET.substring(6, 20)), "no part of the secret is in the envelope");
        assertTrue(stored.startsWith("v1.A256KW.A256GCM." + KEK.id() + "."), stored);
    }

    @Test
    void everySealingUsesAFreshDataKeyAndNonce() throws Exception {
        SealedSecret first = SealedSecret.seal(KEK, SECRET, ROW);
        SealedSecret second = SealedSecret.seal(KEK, SECRET, ROW);

        assertNotEquals(first.encoded(), second.encoded());
        assertEquals(12, first.nonce().length);
        assertEquals(SECRET.length() + 16, first.ciphertext().length, "the secret and a 128-bit tag");
    }

    @Test
    void anEnvelopeMovedToAnotherRowDoesNotOpen() throws Exception {
        SealedSecret sealed =
                SealedSecret.parse(SealedSecret.seal(KEK, SECRET, ROW).encoded());

        SealedSecret.Unopenable refused =
                assertThrows(SealedSecret.Unopenable.class, () -> sealed.open(KEK, OTHER_ROW));
        assertFalse(refused.getMessage().contains(SECRET));
        assertThrows(
                SealedSecret.Unopenable.class,
                () -> sealed.open(KEK, RowIdentity.signingKey("7b0c6c8e-row-one")),
                "the same key in another table is another row");
    }

    @Test
    void anotherKekDoesNotOpenIt() throws Exception {
        SealedSecret sealed = SealedSecret.seal(KEK, SECRET, ROW);

        SealedSecret.Unopenable refused =
                assertThrows(SealedSecret.Unopenable.class, () -> sealed.open(OTHER_KEK, ROW));
        assertTrue(refused.getMessage().contains(KEK.id()), "says which KEK it needs");
        // Relabelled as the other KEK's, its data key does not unwrap.
        SealedSecret relabelled =
                new SealedSecret(OTHER_KEK.id(), sealed.wrappedKey(), sealed.nonce(), sealed.ciphertext());
        assertThrows(SealedSecret.Unopenable.class, () -> relabelled.open(OTHER_KEK, ROW));
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() throws Exception {
        SealedSecret sealed = SealedSecret.seal(KEK, SECRET, ROW);
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;

        assertThrows(
                SealedSecret.Unopenable.class,
                () -> new SealedSecret(sealed.kekId(), sealed.wrappedKey(), sealed.nonce(), altered).open(KEK, ROW));
    }

    @Test
    void textThatIsNoEnvelopeIsRefusedCleanly() {
        for (String text :
                new String[] {"", SECRET, "v1.A256KW.A256GCM.zz.a.b.c", "v2.A256KW.A256GCM.0011223344556677.a.b.c"}) {
            assertThrows(SealedSecret.Unopenable.class, () -> SealedSecret.parse(text), text);
        }
    }

    @Test
    void theKekIdIsTheStartOfItsSha256AndNeverTheKey() {
        assertTrue(KEK.id().matches("[0-9a-f]{16}"), KEK.id());
        assertNotEquals(KEK.id(), OTHER_KEK.id());
        assertFalse(KEK.toString().contains(Base64.getEncoder().encodeToString(bytes(1))));
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKey(new byte[16]));
    }

    @Test
    void aGeneratedKeyFileIsReadableByItsOwnerOnlyAndReadAgainLater(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agentry/secrets-kek.key");

        byte[] created = ServerKeyFile.configuredOrFile(Optional.empty(), file, 32);

        assertEquals(32, created.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                Base64.getEncoder().encodeToString(created),
                Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertEquals(new KeyEncryptionKey(created), new KeyEncryptionKey(ServerKeyFile.readOrCreate(file, 32)));
        byte[] configured = bytes(7);
        assertEquals(
                new KeyEncryptionKey(configured),
                new KeyEncryptionKey(ServerKeyFile.configuredOrFile(
                        Optional.of(Base64.getEncoder().encodeToString(configured)), file, 32)));
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
