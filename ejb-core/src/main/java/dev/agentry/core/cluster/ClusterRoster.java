package dev.agentry.core.cluster;

import dev.agentry.core.Boundary;
import dev.agentry.persistence.cluster.ClusterLease;
import dev.agentry.persistence.cluster.ClusterMember;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The nodes sharing the database ({@code cluster_member}): each writes its own row every {@link
 * ClusterNode#HEARTBEAT}, and is alive while it was seen within {@code agentry.cluster.member-timeout}.
 */
@Stateless
@Boundary
public class ClusterRoster {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ClusterNode node;

    @Inject
    Clock clock;

    /** Records this node as seen now, in the life that started at {@code startedAt}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void seen(Instant startedAt) {
        Instant now = clock.instant();
        int updated = em.createNamedQuery("ClusterMember.seen")
                .setParameter("now", now)
                .setParameter("startedAt", startedAt)
                .setParameter("node", node.name())
                .executeUpdate();
        if (updated == 0) {
            em.persist(new ClusterMember(node.name(), startedAt, now));
        }
    }

    /** The names of the nodes alive now (this one among them once it has said so). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> alive() {
        return new HashSet<>(em.createNamedQuery("ClusterMember.seenSince", String.class)
                .setParameter("since", clock.instant().minus(node.memberTimeout()))
                .getResultList());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ClusterView view() {
        Instant now = clock.instant();
        Instant since = now.minus(node.memberTimeout());
        return new ClusterView(
                node.name(),
                em.createNamedQuery("ClusterMember.all", ClusterMember.class)
                        .getResultStream()
                        .map(m -> new ClusterView.Member(
                                m.getNode(),
                                m.getStartedAt(),
                                m.getSeenAt(),
                                m.getSeenAt().isAfter(since)))
                        .toList(),
                em.createNamedQuery("ClusterLease.held", ClusterLease.class)
                        .getResultStream()
                        .map(l -> new ClusterView.Lease(
                                l.getDuty(),
                                l.getHolder(),
                                l.getAcquiredAt(),
                                l.getExpiresAt(),
                                l.getExpiresAt() != null && l.getExpiresAt().isAfter(now)))
                        .toList());
    }
}
