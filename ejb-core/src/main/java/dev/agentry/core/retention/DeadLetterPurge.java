package dev.agentry.core.retention;

import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Dead letters that failed (and were last replayed) before the horizon, with their deliveries and
 * attempts. One whose replay is still pending stays: its delivery is live again.
 */
@ApplicationScoped
public class DeadLetterPurge implements Purge {

    private static final String EXPIRED = "l.failedAt < :cutoff"
            + " and (l.lastReplayedAt is null or l.lastReplayedAt < :cutoff)"
            + " and l.delivery.status <> '" + WebhookDelivery.PENDING + "'";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.DEAD_LETTERS;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return em.createQuery(
                        "select l.id from DeadLetter l where l.id > :after and " + EXPIRED + " order by l.id",
                        Long.class)
                .setParameter("after", afterKey == null ? 0L : Long.parseLong(afterKey))
                .setParameter("cutoff", horizons.cutoff(kind(), now))
                .setMaxResults(limit)
                .getResultStream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        List<Long> deliveries = em.createQuery(
                        "select l.delivery.id from DeadLetter l where l.id in :ids and " + EXPIRED, Long.class)
                .setParameter("ids", keys.stream().map(Long::valueOf).toList())
                .setParameter("cutoff", horizons.cutoff(kind(), now))
                .getResultList();
        if (deliveries.isEmpty()) {
            return Map.of(kind().wire(), 0L);
        }
        int removed = em.createQuery("delete from DeadLetter l where l.delivery.id in :ids")
                .setParameter("ids", deliveries)
                .executeUpdate();
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in :ids")
                .setParameter("ids", deliveries)
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.id in :ids")
                .setParameter("ids", deliveries)
                .executeUpdate();
        return Map.of(kind().wire(), (long) removed);
    }
}
