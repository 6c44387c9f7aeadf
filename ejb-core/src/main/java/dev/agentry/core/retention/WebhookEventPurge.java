package dev.agentry.core.retention;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Outbox events routed before the horizon that no delivery refers to any more. */
@ApplicationScoped
public class WebhookEventPurge implements Purge {

    private static final String EXPIRED = "e.routed = true and e.occurredAt < :cutoff"
            + " and not exists (select 1 from WebhookDelivery d where d.event = e)";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.WEBHOOK_EVENTS;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return em.createQuery(
                        "select e.id from WebhookEvent e where e.id > :after and " + EXPIRED + " order by e.id",
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
        int removed = em.createQuery("delete from WebhookEvent e where e.id in :ids and " + EXPIRED)
                .setParameter("ids", keys.stream().map(Long::valueOf).toList())
                .setParameter("cutoff", horizons.cutoff(kind(), now))
                .executeUpdate();
        return Map.of(kind().wire(), (long) removed);
    }
}
