package dev.agentry.core.retention;

import dev.agentry.persistence.changes.ChangeFeedState;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Change records from the start of the feed up to the first one still within the horizon: the feed is
 * removed as a prefix, so its retention horizon ({@code purged_through}) moves with it and a cursor behind
 * it answers {@code cursor_expired}. The horizon moves in the same transaction as the removal.
 */
@ApplicationScoped
public class ChangePurge implements Purge {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.CHANGES;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        long after = Math.max(afterKey == null ? 0 : Long.parseLong(afterKey), state().getPurgedThrough());
        Instant cutoff = horizons.cutoff(kind(), now);
        List<Object[]> rows = em.createQuery(
                        "select c.position, c.changedAt from ChangeRecord c where c.position > :after order by c.position",
                        Object[].class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        List<String> keys = new ArrayList<>();
        for (Object[] row : rows) {
            if (!((Instant) row[1]).isBefore(cutoff)) {
                break; // the first change within the horizon ends the prefix
            }
            keys.add(row[0].toString());
        }
        return keys;
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        List<Long> positions = keys.stream().map(Long::valueOf).toList();
        long from = positions.stream().mapToLong(Long::longValue).min().orElse(0);
        long through = positions.stream().mapToLong(Long::longValue).max().orElse(0);
        // The keys are every position from the first to the last (the reader lists the prefix in order), so a
        // range reads the index once where a list of thousands of positions would be matched one by one.
        int removed = em.createQuery("delete from ChangeRecord c where c.position between :from and :through"
                        + " and c.changedAt < :cutoff")
                .setParameter("from", from)
                .setParameter("through", through)
                .setParameter("cutoff", horizons.cutoff(kind(), now))
                .executeUpdate();
        if (removed == positions.size()) {
            em.createNativeQuery(
                            "update change_feed_state set purged_through = ?1 where id = ?2 and purged_through < ?1")
                    .setParameter(1, through)
                    .setParameter(2, ChangeFeedState.ID)
                    .executeUpdate();
        }
        return Map.of(kind().wire(), (long) removed);
    }

    private ChangeFeedState state() {
        return em.find(ChangeFeedState.class, ChangeFeedState.ID);
    }
}
