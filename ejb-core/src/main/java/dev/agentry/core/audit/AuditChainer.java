package dev.agentry.core.audit;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import dev.agentry.core.keys.ServerKey;
import dev.agentry.core.sequencing.CommittedBacklog;
import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;

/**
 * Links committed records into the chain, one writer at a time, in the order they are found. Writers
 * never wait for each other to extend the chain; a record is chained within a couple of seconds of its
 * commit (or at once, before a verification).
 *
 * <p>Each batch commits on its own: a backlog left by a burst of traffic is worked off in constant-size
 * transactions, instead of one transaction whose persistence context (and every auto-flush in it)
 * grows with the backlog.
 *
 * <p>Any node may chain, on its timer or before a verification; each batch locks the {@link Duty#AUDIT_CHAIN}
 * row in its own transaction, so batches of two nodes take turns and each extends the chain the other left.
 *
 * <p>It stops before the writer it depends on, and writes out the buffered call records as it stops: the
 * buffer itself is destroyed only with the application's CDI context, after every bean has stopped.
 */
@Singleton
@DependsOn("AuditWriter")
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditChainer {

    static final int BATCH = 500;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    ServerKey key;

    @Inject
    AuditBuffer buffer;

    @Inject
    ClusterLeases leases;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void scheduled() {
        buffer.flush();
        // Called directly, not through the container: the timer already holds this singleton's lock.
        chainPending();
    }

    @PreDestroy
    void stopping() {
        buffer.flush();
    }

    /** Chains everything committed so far; returns how many records it linked. */
    @Lock(LockType.WRITE)
    public int chain() {
        return chainPending();
    }

    private int chainPending() {
        return CommittedBacklog.workOff(tx, BATCH, this::chainBatch);
    }

    private int chainBatch() {
        leases.exclusive(Duty.AUDIT_CHAIN);
        List<AuditRecord> head = em.createNamedQuery("AuditRecord.head", AuditRecord.class)
                .setMaxResults(1)
                .getResultList();
        long seq = head.isEmpty() ? 0 : head.get(0).getChainSeq();
        String previous = head.isEmpty() ? null : head.get(0).getHash();
        List<AuditRecord> pending = em.createNamedQuery("AuditRecord.unchained", AuditRecord.class)
                .setMaxResults(BATCH)
                .getResultList();
        ServerKey.Hmac hmac = key.hmac();
        for (AuditRecord record : pending) {
            seq++;
            String hash = hmac.sign(ChainLink.canonical(record, seq, previous));
            record.chain(seq, previous, hash);
            previous = hash;
        }
        return pending.size();
    }
}
