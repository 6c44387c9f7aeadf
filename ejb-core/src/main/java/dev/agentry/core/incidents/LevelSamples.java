package dev.agentry.core.incidents;

import dev.agentry.core.Boundary;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The levels incidents measure for themselves, each with one aggregate query so sampling stays cheap
 * however many consumers or deliveries there are.
 */
@Boundary
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LevelSamples {

    /** The subject of the installation-wide lag: every consumer's checkpoint. */
    static final String CONSUMERS = "consumers";

    /** The subject of the installation-wide webhook backlog. */
    static final String DISPATCHER = "dispatcher";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /**
     * The worst consumer's lag in seconds, as {@code /sync-state/lag} computes it for each: the age of
     * the oldest change placed after any checkpoint of its type.
     */
    public long worstLagSeconds(Instant now) {
        Instant oldest = em.createQuery(
                        "select min(c.changedAt) from ChangeRecord c, SyncCheckpoint s"
                                + " where c.resourceType = s.resourceType and c.position > s.position",
                        Instant.class)
                .getSingleResult();
        return secondsSince(oldest, now);
    }

    /** The age in seconds of the oldest delivery still waiting for an active subscription. */
    public long backlogAgeSeconds(Instant now) {
        Instant oldest = em.createQuery(
                        "select min(d.createdAt) from WebhookDelivery d"
                                + " where d.status = 'pending' and d.subscription.status = 'active'",
                        Instant.class)
                .getSingleResult();
        return secondsSince(oldest, now);
    }

    private static long secondsSince(Instant oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }
}
