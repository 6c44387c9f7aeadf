package dev.agentry.core.retention;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Lag snapshots taken before the horizon. */
@ApplicationScoped
public class LagHistoryPurge implements Purge {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.LAG_HISTORY;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return em.createQuery(
                        "select s.id from LagSnapshot s where s.id > :after and s.takenAt < :cutoff order by s.id",
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
        int removed = em.createQuery("delete from LagSnapshot s where s.id in :ids and s.takenAt < :cutoff")
                .setParameter("ids", keys.stream().map(Long::valueOf).toList())
                .setParameter("cutoff", horizons.cutoff(kind(), now))
                .executeUpdate();
        return Map.of(kind().wire(), (long) removed);
    }
}
