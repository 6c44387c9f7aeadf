package dev.agentry.core.signals;

import java.util.Optional;

/** What a signal names the subject of; stored by its code. */
public enum SignalKind {
    /** A credential's policy (status, scopes, allowlist, expiry) changed, or it was deleted; subject: its id. */
    CREDENTIAL("credential"),
    /** A signing key was announced or retired; subject: its kid. */
    SIGNING_KEY("signing-key"),
    /** A key-encryption key was made current or destroyed; subject: its id. */
    KEK("kek");

    private final String code;

    SignalKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind stored as {@code code}; empty for one only a newer version writes, which this one ignores. */
    public static Optional<SignalKind> of(String code) {
        for (SignalKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
