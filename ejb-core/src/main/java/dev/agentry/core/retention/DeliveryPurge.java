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
 * Deliveries that succeeded before the horizon, with their attempts (removed with them by the database).
 * A delivery with a dead letter is the dead letters' to remove.
 */
@ApplicationScoped
public class DeliveryPurge implements Purge {

    private static final String EXPIRED = "d.status = '" + WebhookDelivery.SUCCEEDED + "' and d.updatedAt < :cutoff"
            + " and not exists (select 1 from DeadLetter l where l.delivery = d)";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.DELIVERIES;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return em.createQuery(
                        "select d.id from WebhookDelivery d where d.id > :after and " + EXPIRED + " order by d.id",
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
        Instant cutoff = horizons.cutoff(kind(), now);
        List<Long> ids = keys.stream().map(Long::valueOf).toList();
        List<Long> still = em.createQuery(
                        "select d.id from WebhookDelivery d where d.id in :ids and " + EXPIRED, Long.class)
                .setParameter("ids", ids)
                .setParameter("cutoff", cutoff)
                .getResultList();
        if (still.isEmpty()) {
            return Map.of(kind().wire(), 0L, "delivery-attempts", 0L);
        }
        long attempts = em.createQuery("select count(a) from WebhookAttempt a where a.deliveryId in :ids", Long.class)
                .setParameter("ids", still)
                .getSingleResult();
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in :ids")
                .setParameter("ids", still)
                .executeUpdate();
        int removed = em.createQuery("delete from WebhookDelivery d where d.id in :ids")
                .setParameter("ids", still)
                .executeUpdate();
        return Map.of(kind().wire(), (long) removed, "delivery-attempts", attempts);
    }
}
