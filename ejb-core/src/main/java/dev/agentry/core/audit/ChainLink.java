package dev.agentry.core.audit;

import dev.agentry.core.json.Jsonp;
import dev.agentry.persistence.audit.AuditRecord;
import jakarta.json.JsonObjectBuilder;

/**
 * A chained record as the verifier sees it: its position, the hashes it stores, and the canonical
 * text its own hash covers (every field, the previous hash included, in a fixed order).
 *
 * @param seq the chain position
 * @param prevHash the hash the record says comes before it
 * @param hash the hash the record stores
 * @param canonical the canonical JSON its hash must be the HMAC of
 */
public record ChainLink(long seq, String prevHash, String hash, String canonical) {

    static ChainLink of(AuditRecord r) {
        return new ChainLink(
                r.getChainSeq(), r.getPrevHash(), r.getHash(), canonical(r, r.getChainSeq(), r.getPrevHash()));
    }

    /** Keys in alphabetical order, nulls explicit, times as epoch milliseconds: one text per record. */
    static String canonical(AuditRecord r, long seq, String prevHash) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        put(json, "action", r.getAction());
        put(json, "actorId", r.getActorId());
        put(json, "actorKind", r.getActorKind());
        put(json, "address", r.getAddress());
        put(json, "approvalId", r.getApprovalId());
        put(json, "credentialId", r.getCredentialId());
        if (r.getDurationMs() == null) {
            json.addNull("durationMs");
        } else {
            json.add("durationMs", r.getDurationMs());
        }
        put(json, "errorCode", r.getErrorCode());
        json.add("occurredAt", r.getOccurredAt().toEpochMilli());
        put(json, "outcome", r.getOutcome());
        put(json, "prevHash", prevHash);
        put(json, "requestId", r.getRequestId());
        put(json, "scope", r.getScope());
        json.add("seq", seq);
        put(json, "target", r.getTarget());
        return json.build().toString();
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }
}
