package dev.agentry.core.retention;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The purge of one kind of row keyed by a numeric id, stated once: a kind names its entity and the JPQL
 * condition (against {@code :cutoff}, the kind's horizon) that makes a row expired. Keys are listed in id
 * order after the checkpoint; a chunk's keys are checked against the condition again before anything is
 * removed, so a row that became referenced since it was listed stays. A kind whose rows take others with
 * them overrides {@link #remove}.
 */
abstract class RowPurge implements Purge {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    private final RetentionKind kind;
    private final String rows;
    private final String alias;
    private final String expiredCondition;

    /**
     * @param entity the entity's JPQL name
     * @param alias the alias {@code expiredCondition} uses
     * @param expiredCondition when a row is expired, with {@code :cutoff} the kind's horizon
     */
    protected RowPurge(RetentionKind kind, String entity, String alias, String expiredCondition) {
        this.kind = kind;
        this.rows = entity + " " + alias;
        this.alias = alias;
        this.expiredCondition = expiredCondition;
    }

    @Override
    public RetentionKind kind() {
        return kind;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return em.createQuery(
                        "select " + alias + ".id from " + rows + " where " + alias + ".id > :after and ("
                                + expiredCondition + ") order by " + alias + ".id",
                        Long.class)
                .setParameter("after", afterKey == null ? 0L : Long.parseLong(afterKey))
                .setParameter("cutoff", horizons.cutoff(kind, now))
                .setMaxResults(limit)
                .getResultStream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        List<Long> still = em.createQuery(
                        "select " + alias + ".id from " + rows + " where " + alias + ".id in :ids and ("
                                + expiredCondition + ")",
                        Long.class)
                .setParameter("ids", keys.stream().map(Long::valueOf).toList())
                .setParameter("cutoff", horizons.cutoff(kind, now))
                .getResultList();
        return still.isEmpty() ? Map.of(kind.wire(), 0L) : remove(still);
    }

    /** Removes these rows, all still expired; answers what went, per tally name (the kind's own included). */
    protected Map<String, Long> remove(List<Long> ids) {
        int removed = em.createQuery("delete from " + rows + " where " + alias + ".id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return Map.of(kind.wire(), (long) removed);
    }
}
