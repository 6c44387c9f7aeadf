package dev.agentry.core.cluster;

import dev.agentry.persistence.cluster.ClusterLease;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Which node performs a duty. A leased duty is held by one node until its lease expires: its holder renews it
 * on every tick of the duty, any other node takes it once it is free or expired, so a dead holder's duty moves
 * within {@code agentry.cluster.lease-ttl}. Expiry is judged by the nodes' clocks (the injected {@link Clock}):
 * the nodes need synchronised clocks. A locked duty has no holder: each batch locks the duty's row in its own
 * transaction, so batches of any node take turns. A single node is simply a cluster of one.
 */
@Stateless
public class ClusterLeases {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ClusterNode node;

    @Inject
    Clock clock;

    /**
     * Whether this node holds the duty now: takes the lease if it is free or expired, renews it if it is this
     * node's; one conditional update in its own transaction, so two nodes asking at once cannot both win it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean holds(Duty duty) {
        if (!duty.leased()) {
            throw new IllegalArgumentException(duty + " is locked per batch, not leased");
        }
        Instant now = clock.instant();
        return em.createNamedQuery("ClusterLease.take")
                        .setParameter("node", node.name())
                        .setParameter("until", now.plus(node.leaseTtl()))
                        .setParameter("now", now)
                        .setParameter("duty", duty.name())
                        .executeUpdate()
                == 1;
    }

    /**
     * Locks the duty's row until the caller's transaction ends ({@code SELECT ... FOR UPDATE}): a batch of the
     * duty on another node waits for this one to commit, and then sees what it committed.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void exclusive(Duty duty) {
        if (em.find(ClusterLease.class, duty.name(), LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("No cluster_lease row for " + duty + ": schema V20 seeds one per duty");
        }
    }

    /** Gives up every lease this node holds (it is stopping), so the other nodes take them over at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseAll() {
        return em.createNamedQuery("ClusterLease.release")
                .setParameter("node", node.name())
                .executeUpdate();
    }
}
