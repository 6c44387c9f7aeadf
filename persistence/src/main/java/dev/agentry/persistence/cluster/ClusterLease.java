package dev.agentry.persistence.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A duty's row: for a leased duty, the node holding it and until when; for a locked duty, only the row whose
 * lock a batch holds. Changed only by conditional bulk updates (so two nodes racing for a lease cannot both win
 * it) and locked with {@code PESSIMISTIC_WRITE}; the entity itself is only read.
 */
@Entity
@Table(name = "cluster_lease")
// Takes the lease if it is free, expired or already this node's; acquired_at stays while the same holder renews.
@NamedQuery(
        name = "ClusterLease.take",
        query = "update ClusterLease l set l.holder = :node, l.expiresAt = :until,"
                + " l.acquiredAt = case when l.holder = :node then l.acquiredAt else :now end"
                + " where l.duty = :duty and (l.holder is null or l.holder = :node or l.expiresAt <= :now)")
@NamedQuery(
        name = "ClusterLease.release",
        query = "update ClusterLease l set l.holder = null, l.acquiredAt = null, l.expiresAt = null"
                + " where l.holder = :node")
@NamedQuery(
        name = "ClusterLease.held",
        query = "select l from ClusterLease l where l.holder is not null order by l.duty")
public class ClusterLease {

    @Id
    @Column(name = "duty", length = 40)
    private String duty;

    @Column(name = "holder", length = ClusterMember.NODE_MAX_LENGTH)
    private String holder;

    @Column(name = "acquired_at")
    private Instant acquiredAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ClusterLease() {
        // for JPA
    }

    public String getDuty() {
        return duty;
    }

    public String getHolder() {
        return holder;
    }

    public Instant getAcquiredAt() {
        return acquiredAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
