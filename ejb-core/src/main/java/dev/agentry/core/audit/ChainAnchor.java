package dev.agentry.core.audit;

import dev.agentry.core.keys.ServerKey;
import dev.agentry.persistence.audit.AuditAnchor;
import java.time.Instant;

/**
 * Where the chain begins once its oldest records were removed past the audit horizon: the position and
 * stored hash of the last removed record, signed with the chain's key, so the first kept record is checked
 * against it as against the record before it, and a forged or moved anchor is caught like a forged link.
 *
 * @param seq the position of the last removed record
 * @param hash that record's stored hash
 * @param anchoredAt when the anchor was set
 * @param signature the chain key's HMAC of {@link #canonical()}
 */
public record ChainAnchor(long seq, String hash, Instant anchoredAt, String signature) {

    /** The anchor for a removed prefix ending at {@code seq}, signed. */
    public static ChainAnchor signed(long seq, String hash, Instant anchoredAt, ServerKey.Hmac hmac) {
        return new ChainAnchor(seq, hash, anchoredAt, hmac.sign(canonical(seq, hash, anchoredAt)));
    }

    static ChainAnchor of(AuditAnchor row) {
        return new ChainAnchor(row.getChainSeq(), row.getHash(), row.getAnchoredAt(), row.getSignature());
    }

    /** The text the signature covers. */
    public String canonical() {
        return canonical(seq, hash, anchoredAt);
    }

    boolean holds(ServerKey.Hmac hmac) {
        return hash != null && signature != null && hmac.matches(canonical(), signature);
    }

    private static String canonical(long seq, String hash, Instant anchoredAt) {
        return "audit-anchor|" + seq + "|" + hash + "|" + anchoredAt.toEpochMilli();
    }
}
