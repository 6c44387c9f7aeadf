package dev.agentry.core.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Says every {@link ClusterNode#HEARTBEAT} that this node is alive, from the moment it starts; as it stops, it
 * gives up its leases so the other nodes take its duties over at once instead of after the lease time.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterHeartbeat {

    private static final Logger LOG = Logger.getLogger(ClusterHeartbeat.class);

    @Resource
    TimerService timers;

    @Inject
    ClusterRoster roster;

    @Inject
    ClusterLeases leases;

    @Inject
    ClusterNode node;

    @Inject
    Clock clock;

    private Instant startedAt;

    @PostConstruct
    void joined() {
        startedAt = clock.instant();
        roster.seen(startedAt);
        LOG.infof("Cluster node %s started; duties are coordinated through the database", node.name());
        long every = ClusterNode.HEARTBEAT.toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void beat() {
        try {
            roster.seen(startedAt);
        } catch (RuntimeException e) {
            LOG.warnf("Cluster node %s could not record its heartbeat: %s", node.name(), e.toString());
        }
    }

    @PreDestroy
    void leaving() {
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.debugf("Leases not released on stop (they expire on their own): %s", e.toString());
        }
    }
}
