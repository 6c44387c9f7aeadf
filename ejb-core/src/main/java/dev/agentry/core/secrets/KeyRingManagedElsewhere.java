package dev.agentry.core.secrets;

/** The server cannot rotate a KEK that configuration hands it: an operator rotates it there. */
final class KeyRingManagedElsewhere extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KeyRingManagedElsewhere(String message) {
        super(message);
    }
}
