package dev.agentry.core.changes;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import dev.agentry.core.sequencing.CommittedBacklog;
import dev.agentry.persistence.changes.ChangePlacement;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.Resource;
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
 * Gives committed changes their feed positions, one sequencer at a time. A change is written
 * without a position; only once it is committed can this find it and place it after every change
 * already placed. Readers walk positions, so a transaction that commits late is placed late and read
 * later: the feed never skips it, whatever order writers committed in.
 *
 * <p>Any node may place, on its timer or when asked; each batch locks the {@link Duty#CHANGE_SEQUENCE} row in its
 * own transaction, so batches of two nodes take turns and each continues after the positions the other placed.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ChangeSequencer {

    static final int BATCH = 1000;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    ClusterLeases leases;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void scheduled() {
        // Called directly, not through the container: the timer already holds this singleton's lock.
        placePending();
    }

    /** Places every change committed so far; returns how many it placed. */
    @Lock(LockType.WRITE)
    public int place() {
        return placePending();
    }

    private int placePending() {
        return CommittedBacklog.workOff(tx, BATCH, this::placeBatch);
    }

    private int placeBatch() {
        leases.exclusive(Duty.CHANGE_SEQUENCE);
        Long last = em.createNamedQuery("ChangePlacement.last", Long.class).getSingleResult();
        long position = last == null ? 0 : last;
        List<ChangePlacement> pending = em.createNamedQuery("ChangePlacement.unplaced", ChangePlacement.class)
                .setMaxResults(BATCH)
                .getResultList();
        for (ChangePlacement change : pending) {
            change.place(++position);
        }
        return pending.size();
    }
}
