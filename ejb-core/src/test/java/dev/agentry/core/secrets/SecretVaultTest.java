package dev.agentry.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.problem.ErrorCode;
import dev.agentry.persistence.secrets.StoredSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {

    private static final String SECRET = "whsec_dGhlIHNlY3JldCBvZiBhIHN1YnNjcmlwdGlvbg==";
    private static final RowIdentity ROW = RowIdentity.webhookSubscription("3c1f7a52-vault");

    @TempDir
    Path dataDir;

    @Test
    void aSecretSealedByOneServerOpensOnlyWhereItsKekIs() {
        SecretVault here = vault(Optional.empty());
        String sealed = here.seal(SECRET, ROW);

        assertFalse(sealed.contains(SECRET.substring(6)));
        assertEquals(SECRET, here.open(new StoredSecret(sealed, null), ROW));
        assertEquals(
                SECRET,
                vault(Optional.empty()).open(new StoredSecret(sealed, null), ROW),
                "the key file is read again");

        SecretVault elsewhere = vault(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));
        assertNotEquals(here.kekId(), elsewhere.kekId());
        SecretUnavailable refused =
                assertThrows(SecretUnavailable.class, () -> elsewhere.open(new StoredSecret(sealed, null), ROW));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
        assertFalse(refused.detail().contains(SECRET));
        assertThrows(
                SecretUnavailable.class,
                () -> here.open(new StoredSecret(sealed, null), RowIdentity.webhookSubscription("another-row")));
    }

    @Test
    void afterARotationNewSecretsAreSealedUnderTheNewKekAndOldRowsStillOpenUntilItsKekIsDestroyed() {
        SecretVault vault = vault(Optional.empty());
        String old = vault.seal(SECRET, ROW);

        SecretVault.KekChange change = vault.rotate();

        assertEquals(change.kekId(), vault.kekId());
        String fresh = vault.seal(SECRET, ROW);
        assertTrue(fresh.contains("." + change.kekId() + "."), fresh);
        SecretVault restarted = vault(Optional.empty());
        assertEquals(change.kekId(), restarted.kekId(), "the rotation outlives a restart");
        assertEquals(SECRET, restarted.open(new StoredSecret(old, null), ROW));
        assertEquals(SECRET, restarted.open(new StoredSecret(fresh, null), ROW));
        assertEquals(
                SECRET,
                restarted.open(new StoredSecret(restarted.resealed(new StoredSecret(old, null), ROW), null), ROW));

        restarted.destroy(change.previousKekId());

        restarted.reload();
        assertThrows(SecretUnavailable.class, () -> restarted.open(new StoredSecret(old, null), ROW));
        assertThrows(IllegalArgumentException.class, () -> restarted.destroy(restarted.kekId()));
    }

    @Test
    void aRowFromBeforeSealingIsReadAsItIs() {
        assertEquals(SECRET, vault(Optional.empty()).open(new StoredSecret(null, SECRET), ROW));
    }

    @Test
    void aConfiguredKekOfTheWrongSizeOrNotBase64IsRefusedWithoutEchoingIt() {
        for (String configured : new String[] {Base64.getEncoder().encodeToString(new byte[16]), "not*base64!"}) {
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> vault(Optional.of(configured)).kekId());
            assertTrue(refused.getMessage().contains("agentry.secrets.kek"));
            assertFalse(refused.getMessage().contains(configured));
        }
    }

    private SecretVault vault(Optional<String> configured) {
        SecretVault vault = new SecretVault();
        vault.configured = configured;
        vault.retiredConfigured = Optional.empty();
        vault.credentialStore = Optional.empty();
        vault.dataDir = dataDir.toString();
        vault.clock = Clock.systemUTC();
        return vault;
    }
}
