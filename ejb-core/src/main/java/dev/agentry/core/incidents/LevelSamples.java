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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Levels measured with one aggregate query each, so sampling stays cheap however many consumers or
 * deliveries there are: the webhook backlog incidents sample for themselves, the worst lag the dashboard
 * shows. (Lag incidents come from the sync-state job's snapshots, {@link LevelsMeasured}.)
 */
@Boundary
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LevelSamples {

    /** The most subjects one sample names: the worst first, within what incidents remember. */
    static final int MAX_SUBJECTS = LevelsMeasured.MAX_SUBJECTS;

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

    /** Each active subscription's oldest pending delivery's age in seconds, oldest first. */
    public Map<String, Long> backlogAgeSecondsBySubscription(Instant now) {
        return ages(
                em.createQuery(
                                "select d.subscription.uid, min(d.createdAt) from WebhookDelivery d"
                                        + " where d.status = 'pending' and d.subscription.status = 'active'"
                                        + " group by d.subscription.uid order by min(d.createdAt)",
                                Object[].class)
                        .setMaxResults(MAX_SUBJECTS)
                        .getResultList(),
                now);
    }

    private static Map<String, Long> ages(List<Object[]> oldestBySubject, Instant now) {
        Map<String, Long> ages = new LinkedHashMap<>();
        for (Object[] row : oldestBySubject) {
            ages.put((String) row[0], secondsSince((Instant) row[1], now));
        }
        return ages;
    }

    private static long secondsSince(Instant oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }
}
