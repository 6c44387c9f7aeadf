package dev.agentry.persistence.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A node sharing the database: when its current life started and when it last said it was alive. Written by
 * the node itself only, every couple of seconds.
 */
@Entity
@Table(name = "cluster_member")
@NamedQuery(
        name = "ClusterMember.seen",
        query = "update ClusterMember m set m.seenAt = :now, m.startedAt = :startedAt where m.node = :node")
@NamedQuery(name = "ClusterMember.all", query = "select m from ClusterMember m order by m.node")
@NamedQuery(name = "ClusterMember.seenSince", query = "select m.node from ClusterMember m where m.seenAt > :since")
public class ClusterMember {

    public static final int NODE_MAX_LENGTH = 100;

    @Id
    @Column(name = "node", length = NODE_MAX_LENGTH)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected ClusterMember() {
        // for JPA
    }

    public ClusterMember(String node, Instant startedAt, Instant seenAt) {
        this.node = Objects.requireNonNull(node, "node");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.seenAt = Objects.requireNonNull(seenAt, "seenAt");
    }

    public String getNode() {
        return node;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getSeenAt() {
        return seenAt;
    }
}
