package dev.agentry.core.audit;

import dev.agentry.persistence.audit.AuditRecord;
import java.io.Serializable;
import java.time.Instant;

/** An audit record as {@code GET /audit} shows it; {@code sequence} is null until it is chained. */
public record AuditView(
        Long sequence,
        Instant occurredAt,
        String actorKind,
        String actorId,
        String credentialId,
        String address,
        String requestId,
        String action,
        String target,
        String scope,
        String approvalId,
        String outcome,
        String errorCode,
        Long durationMs,
        String prevHash,
        String hash)
        implements Serializable {

    static AuditView of(AuditRecord r) {
        return new AuditView(
                r.getChainSeq(),
                r.getOccurredAt(),
                r.getActorKind(),
                r.getActorId(),
                r.getCredentialId(),
                r.getAddress(),
                r.getRequestId(),
                r.getAction(),
                r.getTarget(),
                r.getScope(),
                r.getApprovalId(),
                r.getOutcome(),
                r.getErrorCode(),
                r.getDurationMs(),
                r.getPrevHash(),
                r.getHash());
    }
}
