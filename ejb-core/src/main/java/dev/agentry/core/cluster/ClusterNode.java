package dev.agentry.core.cluster;

import dev.agentry.core.Boundary;
import dev.agentry.persistence.cluster.ClusterMember;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name among the nodes sharing the database ({@code agentry.cluster.node}, by default the
 * {@code jboss.node.name} the server sets) and the cluster's timings, read once (README, "Configuration").
 * Two nodes must never share a name: each would take the other's leases for its own.
 */
@ApplicationScoped
@Boundary
public class ClusterNode {

    /** How often a node says it is alive, and a leased duty's holder at the least renews it. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private static final String SERVER_NODE_NAME = "jboss.node.name";

    @Inject
    @ConfigProperty(name = "agentry.cluster.node")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "agentry.cluster.member-timeout", defaultValue = "PT10S")
    Duration memberTimeout;

    @Inject
    @ConfigProperty(name = "agentry.cluster.lease-ttl", defaultValue = "PT10S")
    Duration leaseTtl;

    private String name;

    @PostConstruct
    void resolve() {
        name = configured
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .or(() -> Optional.ofNullable(System.getProperty(SERVER_NODE_NAME)))
                .orElse("local");
        if (name.length() > ClusterMember.NODE_MAX_LENGTH) {
            throw new IllegalStateException("agentry.cluster.node is longer than " + ClusterMember.NODE_MAX_LENGTH
                    + " characters: " + name.substring(0, 20) + "...");
        }
        if (memberTimeout.compareTo(HEARTBEAT.multipliedBy(2)) < 0
                || leaseTtl.compareTo(HEARTBEAT.multipliedBy(2)) < 0) {
            throw new IllegalStateException("agentry.cluster.member-timeout and agentry.cluster.lease-ttl must be at"
                    + " least " + HEARTBEAT.multipliedBy(2) + " (two heartbeats), or a live node would look dead");
        }
    }

    public String name() {
        return name;
    }

    /** A node not seen for this long is taken for dead. */
    public Duration memberTimeout() {
        return memberTimeout;
    }

    /** How long a lease holds without renewal: a dead holder's duties move to another node within it. */
    public Duration leaseTtl() {
        return leaseTtl;
    }
}
