package dev.agentry.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three places a KEK can live, and what rotation does to each. */
class KeyRingTest {

    private static final RowIdentity ROW = RowIdentity.webhookSubscription("s-1");

    @TempDir
    Path dir;

    @Test
    void aKeyFileRingKeepsTheRetiredKekOpeningOldRowsUntilItIsDestroyed() throws Exception {
        KeyFileRing ring = new KeyFileRing(dir.resolve("secrets-kek.key"));
        KeyEncryptionKey first = ring.current();
        SealedSecret old = SealedSecret.seal(first, "whsec_old", ROW);

        KeyEncryptionKey second = ring.rotate();

        assertNotEquals(first.id(), second.id());
        assertEquals(second.id(), ring.current().id(), "the rotation is on disk");
        assertEquals(Set.of(first.id()), ring.retired());
        assertEquals("whsec_old", old.open(ring.find(first.id()).orElseThrow(), ROW));
        for (Path file : List.of(dir.resolve("secrets-kek.key"), dir.resolve("secrets-kek-" + first.id() + ".key"))) {
            assertEquals(
                    "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }

        ring.destroy(first.id());

        assertEquals(Set.of(), ring.retired());
        assertEquals(Optional.empty(), ring.find(first.id()));
    }

    @Test
    void aKeyFileRenamedToAnotherIdDoesNotStandInForThatKek() throws Exception {
        KeyFileRing ring = new KeyFileRing(dir.resolve("secrets-kek.key"));
        KeyEncryptionKey first = ring.current();
        ring.rotate();
        Path retired = dir.resolve("secrets-kek-" + first.id() + ".key");
        Files.move(retired, dir.resolve("secrets-kek-0123456789abcdef.key"), StandardCopyOption.ATOMIC_MOVE);

        assertEquals(Optional.empty(), ring.find("0123456789abcdef"));
        assertEquals(Optional.empty(), ring.find(first.id()));
    }

    @Test
    void aKekFromConfigurationIsRotatedByTheOperatorNotTheServer() {
        String current = base64Key();
        String retired = base64Key();
        ConfiguredKeyRing ring = new ConfiguredKeyRing(current, List.of(retired));
        KeyEncryptionKey old = new KeyEncryptionKey(Base64.getDecoder().decode(retired));

        assertEquals(Set.of(old.id()), ring.retired());
        assertTrue(ring.find(old.id()).isPresent());
        assertThrows(KeyRingManagedElsewhere.class, ring::rotate);
        IllegalStateException bad =
                assertThrows(IllegalStateException.class, () -> new ConfiguredKeyRing("c2VjcmV0", List.of()));
        assertFalse(bad.getMessage().contains("c2VjcmV0"), "the value is not echoed");
    }

    @Test
    void anElytronCredentialStoreRingKeepsItsKeksAcrossOpeningsAndOnlyItsUserReadsIt() throws Exception {
        Path store = dir.resolve("secrets-kek.cs");
        CredentialStoreRing ring = new CredentialStoreRing(store);
        KeyEncryptionKey first = ring.current();
        SealedSecret old = SealedSecret.seal(first, "whsec_old", ROW);
        KeyEncryptionKey second = ring.rotate();

        CredentialStoreRing reopened = new CredentialStoreRing(store);

        assertEquals(second.id(), reopened.current().id());
        assertEquals(Set.of(first.id()), reopened.retired());
        assertEquals("whsec_old", old.open(reopened.find(first.id()).orElseThrow(), ROW));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));

        reopened.destroy(first.id());

        assertEquals(Set.of(), new CredentialStoreRing(store).retired());
    }

    @Test
    void anEmptyCredentialStoreAdoptsTheKeyFilesKeksOnce() {
        KeyFileRing files = new KeyFileRing(dir.resolve("secrets-kek.key"));
        KeyEncryptionKey first = files.current();
        KeyEncryptionKey second = files.rotate();
        CredentialStoreRing store = new CredentialStoreRing(dir.resolve("secrets-kek.cs"));

        assertTrue(store.adopt(files));

        assertEquals(second.id(), store.current().id());
        assertEquals(Set.of(first.id()), store.retired());
        assertTrue(store.find(first.id()).isPresent());
        files.rotate();
        assertFalse(store.adopt(files), "a store with a KEK of its own adopts nothing");
        assertEquals(second.id(), store.current().id());
    }

    private static String base64Key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
