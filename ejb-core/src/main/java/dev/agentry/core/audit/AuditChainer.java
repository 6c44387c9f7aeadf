package dev.agentry.core.audit;

import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Links committed records into the chain, one writer at a time, in the order they are found. Writers
 * never wait for each other to extend the chain; a record is chained within a couple of seconds of its
 * commit (or at once, before a verification).
 */
@Singleton
public class AuditChainer {

    static final int BATCH = 500;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    AuditKey key;

    @Inject
    AuditBuffer buffer;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void scheduled() {
        buffer.flush();
        // Called directly, not through the container: the timer already holds this singleton's lock.
        while (chainBatch() == BATCH) {
            // a busy API may have left several batches
        }
    }

    /** Chains what is pending now; returns how many records it linked. */
    @Lock(LockType.WRITE)
    public int chain() {
        return chainBatch();
    }

    private int chainBatch() {
        List<AuditRecord> head = em.createNamedQuery("AuditRecord.head", AuditRecord.class)
                .setMaxResults(1)
                .getResultList();
        long seq = head.isEmpty() ? 0 : head.get(0).getChainSeq();
        String previous = head.isEmpty() ? null : head.get(0).getHash();
        List<AuditRecord> pending = em.createNamedQuery("AuditRecord.unchained", AuditRecord.class)
                .setMaxResults(BATCH)
                .getResultList();
        AuditKey.Hmac hmac = key.hmac();
        for (AuditRecord record : pending) {
            seq++;
            String hash = hmac.sign(ChainLink.canonical(record, seq, previous));
            record.chain(seq, previous, hash);
            previous = hash;
        }
        return pending.size();
    }
}
