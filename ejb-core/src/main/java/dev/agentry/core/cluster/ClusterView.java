package dev.agentry.core.cluster;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The cluster as the database records it, for operators: the nodes and whether each is alive, and who holds
 * each leased duty.
 *
 * @param self this node's name
 * @param members every node that ever joined, by name
 * @param leases the leased duties that have a holder, by duty
 */
public record ClusterView(String self, List<Member> members, List<Lease> leases) implements Serializable {

    /**
     * @param node its name
     * @param startedAt when its current life started
     * @param seenAt when it last said it was alive
     * @param alive whether that was within {@code agentry.cluster.member-timeout}
     */
    public record Member(String node, Instant startedAt, Instant seenAt, boolean alive) implements Serializable {}

    /**
     * @param duty the duty ({@link Duty})
     * @param holder the node that holds or last held it
     * @param acquiredAt since when that node holds it
     * @param expiresAt when the lease runs out unless renewed
     * @param current whether it has not run out yet
     */
    public record Lease(String duty, String holder, Instant acquiredAt, Instant expiresAt, boolean current)
            implements Serializable {}
}
