package dev.agentry.core.secrets;

import java.util.Optional;
import java.util.Set;

/**
 * Where the key-encryption keys live, outside the database: the one new secrets are sealed under, and
 * the retired ones kept until no row needs them. Every ring keeps a KEK's bytes only in memory once read.
 */
interface KeyRing {

    /** What kind of place holds the keys: {@code key-file}, {@code credential-store} or {@code configuration}. */
    String source();

    /** The KEK new secrets are sealed under. */
    KeyEncryptionKey current();

    /** The KEK with this id, current or retired, read again from its source if not yet known. */
    Optional<KeyEncryptionKey> find(String kekId);

    /** The ids of the retired KEKs the ring still holds. */
    Set<String> retired();

    /**
     * Makes a fresh KEK current and keeps the previous one as retired; returns the new one.
     *
     * @throws KeyRingManagedElsewhere if the keys come from configuration, which only an operator changes
     */
    KeyEncryptionKey rotate();

    /**
     * Removes a retired KEK for good; the caller has made sure that no row needs it.
     *
     * @return whether it was removed ({@code false} where only an operator can remove it)
     */
    boolean destroy(String kekId);
}
