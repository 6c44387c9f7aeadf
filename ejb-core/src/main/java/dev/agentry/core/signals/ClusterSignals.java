package dev.agentry.core.signals;

import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.signals.ClusterSignal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The signal log in the database. A change raises its signal in its own transaction, so the signal exists
 * exactly when the change committed, on every node alike; this node's caches hear of it once it commits.
 */
@Stateless
public class ClusterSignals {

    /** A signal as read back. */
    public record Signal(long id, String kind, String subject) {}

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Event<Invalidated> invalidated;

    @Inject
    Clock clock;

    /** Tells every node, once the caller's transaction commits, to drop what it caches of {@code subject}. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(SignalKind kind, String subject) {
        em.persist(new ClusterSignal(kind.code(), subject, clock.instant()));
        invalidated.fire(new Invalidated(kind, subject));
    }

    /** The signals above {@code id}, oldest first, at most {@code limit}. */
    public List<Signal> after(long id, int limit) {
        return em.createNamedQuery("ClusterSignal.after", ClusterSignal.class)
                .setParameter("after", id)
                .setMaxResults(limit)
                .getResultStream()
                .map(s -> new Signal(s.getId(), s.getKind(), s.getSubject()))
                .toList();
    }

    /** The highest id written so far, 0 if none. */
    public long newestId() {
        Long newest = em.createNamedQuery("ClusterSignal.newestId", Long.class).getSingleResult();
        return newest == null ? 0 : newest;
    }

    /** Deletes the signals written before {@code before}; how many. */
    public int purgeBefore(Instant before) {
        return em.createNamedQuery("ClusterSignal.purgeBefore")
                .setParameter("before", before)
                .executeUpdate();
    }
}
