package dev.agentry.core.sync;

import dev.agentry.persistence.changes.ChangeRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.sync.SyncCheckpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/** How far one checkpoint is behind the feed at an instant: read by the lag route and by the lag snapshots. */
@ApplicationScoped
public class LagMeter {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    ConsumerLag lag(SyncCheckpoint checkpoint, Instant now) {
        long behind = em.createQuery(
                        "select count(c) from ChangeRecord c where c.resourceType = :type and c.position > :after",
                        Long.class)
                .setParameter("type", checkpoint.getResourceType())
                .setParameter("after", checkpoint.getPosition())
                .getSingleResult();
        long seconds = behind == 0
                ? 0
                : em.createQuery(
                                "select c from ChangeRecord c where c.resourceType = :type"
                                        + " and c.position > :after order by c.position",
                                ChangeRecord.class)
                        .setParameter("type", checkpoint.getResourceType())
                        .setParameter("after", checkpoint.getPosition())
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .map(oldest -> Math.max(
                                0, Duration.between(oldest.getChangedAt(), now).toSeconds()))
                        .orElse(0L);
        return new ConsumerLag(
                checkpoint.getConsumer(),
                checkpoint.getResourceType(),
                checkpoint.getCheckpointAt(),
                behind,
                seconds,
                LagBucket.of(seconds).wireName());
    }
}
