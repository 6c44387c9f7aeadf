package dev.agentry.core.retention;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.persistence.retention.RetentionPass;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Retention's rules for the batch job that drives it (SPEC section 11). A pass belongs to a job instance,
 * so its restarts measure the horizons from the same instant. Each call runs in the caller's (the chunk's)
 * transaction: a chunk's removals and their tally commit or roll back together, which is why a restarted
 * pass never counts a record twice. At the end the pass is audited once, with its counts per kind.
 */
@Boundary
@Stateless
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    /** The audit record's target column holds this much. */
    private static final int AUDIT_TARGET_MAX = 200;

    @Inject
    @Any
    Instance<Purge> purges;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    RetentionHorizons horizons;

    /**
     * Up to {@code limit} keys of expired records of the kind after {@code afterKey}, in key order; for a kind
     * on disk, no more than what the pass may still remove ({@link RetentionHorizons#perPass}).
     */
    public List<String> expired(RetentionKind kind, long jobInstance, String afterKey, int limit) {
        int page = limit;
        if (kind.onDisk()) {
            long room = horizons.perPass(kind) - tally(jobInstance).getOrDefault(kind.wire(), 0L);
            if (room <= 0) {
                return List.of(); // the rest waits for the next pass
            }
            page = (int) Math.min(limit, room);
        }
        return purge(kind).expired(reference(jobInstance), afterKey, page);
    }

    /** Removes those of {@code keys} still expired and counts them; returns how many of the kind went. */
    public long purge(RetentionKind kind, long jobInstance, List<String> keys) {
        Map<String, Long> removed = purge(kind).purge(reference(jobInstance), keys);
        removed.forEach((name, count) -> tally(jobInstance, name, count));
        return removed.getOrDefault(kind.wire(), 0L);
    }

    /** What the pass removed so far, per tally name. */
    public Map<String, Long> tally(long jobInstance) {
        List<Object[]> rows = em.createNativeQuery(
                        "select kind, purged from retention_tally where job_instance_id = ?1 order by kind",
                        Object[].class)
                .setParameter(1, jobInstance)
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(
                        row -> (String) row[0], row -> ((Number) row[1]).longValue(), Long::sum, LinkedHashMap::new));
    }

    /** Writes the pass's audit record with its counts, once however often the last step runs. */
    public Map<String, Long> audit(long jobInstance) {
        reference(jobInstance);
        RetentionPass pass = em.find(RetentionPass.class, jobInstance);
        Map<String, Long> counts = tally(jobInstance);
        if (pass.audited(clock.instant())) {
            String summary = counts.isEmpty()
                    ? "nothing past its horizon"
                    : counts.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "));
            audit.action("retention.purge", truncate("pass " + jobInstance + ": " + summary));
            LOG.infof("Retention pass %d removed %s", jobInstance, summary);
        }
        return counts;
    }

    /** The pass's reference instant, from which every horizon is measured; set when the pass begins. */
    private Instant reference(long jobInstance) {
        RetentionPass pass = em.find(RetentionPass.class, jobInstance);
        if (pass == null) {
            pass = new RetentionPass(jobInstance, clock.instant());
            em.persist(pass);
            em.flush();
        }
        return pass.getStartedAt();
    }

    private void tally(long jobInstance, String name, long count) {
        if (count == 0) {
            return;
        }
        int updated = em.createNativeQuery(
                        "update retention_tally set purged = purged + ?1 where job_instance_id = ?2 and kind = ?3")
                .setParameter(1, count)
                .setParameter(2, jobInstance)
                .setParameter(3, name)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into retention_tally (job_instance_id, kind, purged) values (?1, ?2, ?3)")
                    .setParameter(1, jobInstance)
                    .setParameter(2, name)
                    .setParameter(3, count)
                    .executeUpdate();
        }
    }

    private Purge purge(RetentionKind kind) {
        return purges.stream()
                .filter(p -> p.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No purge for " + kind));
    }

    private static String truncate(String text) {
        return text.length() <= AUDIT_TARGET_MAX ? text : text.substring(0, AUDIT_TARGET_MAX - 1) + "…";
    }
}
