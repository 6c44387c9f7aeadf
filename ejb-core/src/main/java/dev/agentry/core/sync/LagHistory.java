package dev.agentry.core.sync;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.incidents.LevelsMeasured;
import dev.agentry.core.incidents.Signal;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.sync.LagSnapshot;
import dev.agentry.persistence.sync.SyncCheckpoint;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lag over time: the sync-state job's snapshots of every checkpoint's lag, and their history as a caller
 * reads it. A snapshot whose status enters {@code critical} is audited as a breach, one that leaves it as a
 * recovery; each once per change, however often the job runs. Each snapshot is also the one measurement lag
 * incidents are judged on ({@link LevelsMeasured}, each credential's worst checkpoint), so an incident's
 * value is a number its owner finds in this history.
 */
@Boundary
@Stateless
public class LagHistory {

    private static final String CRITICAL = LagBucket.CRITICAL.wireName();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    LagMeter meter;

    @Inject
    Clock clock;

    @Inject
    CatalogCollections collections;

    @Inject
    CursorSeal seal;

    @Inject
    AuditTrail audit;

    @Inject
    Event<LevelsMeasured> measured;

    /** Snapshots every checkpoint's lag now and has it judged for incidents; returns how many breaches it found. */
    public int snapshot() {
        Instant now = clock.instant();
        Map<String, String> previous = new HashMap<>();
        em.createQuery(
                        "select s.credentialId, s.consumer, s.resourceType, s.status from LagSnapshot s where s.id in"
                                + " (select max(l.id) from LagSnapshot l group by l.credentialId, l.consumer, l.resourceType)",
                        Object[].class)
                .getResultList()
                .forEach(row -> previous.put(row[0] + "\n" + row[1] + "\n" + row[2], (String) row[3]));
        int breached = 0;
        Map<String, Long> worstByCredential = new HashMap<>();
        for (SyncCheckpoint checkpoint : em.createQuery(
                        "select c from SyncCheckpoint c order by c.id", SyncCheckpoint.class)
                .getResultList()) {
            ConsumerLag lag = meter.lag(checkpoint, now);
            em.persist(new LagSnapshot(
                    checkpoint.getCredentialId(),
                    lag.consumer(),
                    lag.resourceType(),
                    now,
                    lag.changesBehind(),
                    lag.secondsBehind(),
                    lag.status()));
            if (lag.secondsBehind() > 0) {
                worstByCredential.merge(checkpoint.getCredentialId(), lag.secondsBehind(), Math::max);
            }
            String before = previous.get(checkpoint.getCredentialId() + "\n" + checkpoint.getConsumer() + "\n"
                    + checkpoint.getResourceType());
            boolean critical = CRITICAL.equals(lag.status());
            if (critical && !CRITICAL.equals(before)) {
                breached++;
                audit.action("sync.lag.breached", lag.consumer() + "/" + lag.resourceType());
            } else if (!critical && CRITICAL.equals(before)) {
                audit.action("sync.lag.recovered", lag.consumer() + "/" + lag.resourceType());
            }
        }
        // Every credential at once: one no longer named (caught up, checkpoint gone) is at 0 and its incident resolves.
        measured.fire(new LevelsMeasured(Signal.SYNC_LAG, worstByCredential, now));
        return breached;
    }

    /**
     * The caller's credential's lag history, newest first: only of collections it may read now, as with the
     * lag itself. {@code consumer}, {@code resourceType} and {@code since} narrow it.
     */
    public Page<LagSnapshotView> history(
            Grant grant, String consumer, String resourceType, Instant since, int limit, String cursor) {
        if (resourceType != null
                && collections.named(resourceType).filter(grant::reads).isEmpty()) {
            throw AgentryException.validation(List.of(new FieldError(
                    "resourceType", "unknown_type", "resourceType must be a collection the caller may read")));
        }
        List<String> readable = collections.all().stream()
                .filter(grant::reads)
                .map(CollectionDescriptor::name)
                .toList();
        if (readable.isEmpty()) {
            return Page.whole(List.of());
        }
        String binding = "lag|" + (consumer == null ? "" : consumer) + "|" + (resourceType == null ? "" : resourceType)
                + "|" + (since == null ? "" : since.toEpochMilli());
        StringBuilder jpql = new StringBuilder(
                "select s from LagSnapshot s where s.credentialId = :credential and s.resourceType in :readable");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("credential", grant.credentialId());
        parameters.put("readable", readable);
        if (consumer != null) {
            jpql.append(" and s.consumer = :consumer");
            parameters.put("consumer", consumer);
        }
        if (resourceType != null) {
            jpql.append(" and s.resourceType = :type");
            parameters.put("type", resourceType);
        }
        if (since != null) {
            jpql.append(" and s.takenAt >= :since");
            parameters.put("since", since);
        }
        if (cursor != null) {
            String payload = seal.open(cursor);
            if (!payload.startsWith(binding + "|")) {
                throw CursorSeal.invalid("The cursor belongs to another listing or other filters.");
            }
            jpql.append(" and s.id < :before");
            parameters.put("before", Long.valueOf(payload.substring(binding.length() + 1)));
        }
        jpql.append(" order by s.id desc");
        TypedQuery<LagSnapshot> query =
                em.createQuery(jpql.toString(), LagSnapshot.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<LagSnapshot> found = query.getResultList();
        boolean more = found.size() > limit;
        List<LagSnapshot> page = more ? found.subList(0, limit) : found;
        String next = more ? seal.seal(binding + "|" + page.get(page.size() - 1).getId()) : null;
        return Page.of(new ArrayList<>(page.stream().map(LagSnapshotView::of).toList()), next);
    }
}
