package dev.agentry.core.retention;

import dev.agentry.core.audit.ChainAnchor;
import dev.agentry.core.keys.ServerKey;
import dev.agentry.persistence.audit.AuditAnchor;
import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail's oldest records, only where the operator set an audit horizon ({@code
 * agentry.retention.audit-trail}). The chain is removed as a prefix, never its newest record (the chainer
 * continues from it); the signed anchor moves to the last removed record in the same transaction, so
 * {@code /audit/verify} proves the chain from the anchor on. Keys are chain positions.
 */
@ApplicationScoped
public class AuditPurge implements Purge {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Inject
    ServerKey key;

    @Override
    public RetentionKind kind() {
        return RetentionKind.AUDIT_TRAIL;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        Optional<Instant> cutoff = horizons.auditCutoff(now);
        if (cutoff.isEmpty()) {
            return List.of();
        }
        long after = Math.max(afterKey == null ? 0 : Long.parseLong(afterKey), anchoredThrough());
        List<Object[]> rows = em.createQuery(
                        "select a.chainSeq, a.occurredAt from AuditRecord a where a.chainSeq > :after"
                                + " and a.chainSeq < (select max(b.chainSeq) from AuditRecord b) order by a.chainSeq",
                        Object[].class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        List<String> keys = new ArrayList<>();
        for (Object[] row : rows) {
            if (!((Instant) row[1]).isBefore(cutoff.get())) {
                break; // the first record within the horizon ends the prefix
            }
            keys.add(row[0].toString());
        }
        return keys;
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        Optional<Instant> cutoff = horizons.auditCutoff(now);
        if (cutoff.isEmpty() || keys.isEmpty()) {
            return Map.of(kind().wire(), 0L);
        }
        long from = anchoredThrough() + 1;
        long through = keys.stream().mapToLong(Long::parseLong).max().orElseThrow();
        // Still the prefix and still expired, with no gap: otherwise removed only up to the first that is not.
        List<AuditRecord> prefix = em.createQuery(
                        "select a from AuditRecord a where a.chainSeq between :from and :through"
                                + " and a.chainSeq < (select max(b.chainSeq) from AuditRecord b) order by a.chainSeq",
                        AuditRecord.class)
                .setParameter("from", from)
                .setParameter("through", through)
                .getResultList();
        AuditRecord last = null;
        long expected = from;
        for (AuditRecord record : prefix) {
            if (record.getChainSeq() != expected || !record.getOccurredAt().isBefore(cutoff.get())) {
                break;
            }
            last = record;
            expected++;
        }
        if (last == null) {
            return Map.of(kind().wire(), 0L);
        }
        ChainAnchor anchor = ChainAnchor.signed(last.getChainSeq(), last.getHash(), now, key.hmac());
        int removed = em.createQuery("delete from AuditRecord a where a.chainSeq between :from and :through")
                .setParameter("from", from)
                .setParameter("through", last.getChainSeq())
                .executeUpdate();
        AuditAnchor stored = em.find(AuditAnchor.class, AuditAnchor.ID);
        if (stored == null) {
            em.persist(new AuditAnchor(anchor.seq(), anchor.hash(), anchor.anchoredAt(), anchor.signature()));
        } else {
            stored.moveTo(anchor.seq(), anchor.hash(), anchor.anchoredAt(), anchor.signature());
        }
        return Map.of(kind().wire(), (long) removed);
    }

    /** The position the chain's removed prefix ends at; 0 if nothing was removed yet. */
    private long anchoredThrough() {
        AuditAnchor anchor = em.find(AuditAnchor.class, AuditAnchor.ID);
        return anchor == null ? 0 : anchor.getChainSeq();
    }
}
