package dev.agentry.persistence.secrets;

/**
 * A secret as a row holds it: a sealed envelope, or, only in a row written before secrets were sealed
 * and not yet migrated, the clear value. Exactly one of the two is set.
 *
 * @param sealed the envelope, or {@code null} for a legacy clear row
 * @param legacyClear the clear value of a row not yet sealed, or {@code null}
 */
public record StoredSecret(String sealed, String legacyClear) {

    public StoredSecret {
        if ((sealed == null) == (legacyClear == null)) {
            throw new IllegalArgumentException("a stored secret is either sealed or (legacy) clear");
        }
    }

    /** The secret a row holds in columns {@code sealed} and {@code clear}, or {@code null} if neither is set. */
    public static StoredSecret of(String sealed, String clear) {
        return sealed != null ? new StoredSecret(sealed, null) : clear != null ? new StoredSecret(null, clear) : null;
    }

    @Override
    public String toString() {
        return sealed != null ? "StoredSecret[sealed]" : "StoredSecret[clear]";
    }
}
