package dev.agentry.core.policy;

import dev.agentry.core.signals.Invalidated;
import dev.agentry.core.signals.SignalKind;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Credentials' policy for per-request checks, without a database read per request. A change drops the
 * credential's entry on the node that made it as soon as it commits, and on every other node as that node
 * reads the change's signal ({@code agentry.cluster.signal-interval}); an entry also expires after
 * {@link #MAX_AGE}, a backstop for a signal missed while the database could not be read.
 */
@ApplicationScoped
class CredentialRegistry {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final long MAX_AGE_MILLIS = MAX_AGE.toMillis();

    private record Entry(Optional<CredentialPolicy> policy, long loadedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Counts drops, so a load that raced one is not kept: it may have read the row before the change. */
    private final AtomicLong drops = new AtomicLong();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    /** The credential's policy; empty once it has been deleted. */
    public Optional<CredentialPolicy> policy(String credentialId) {
        long now = clock.millis();
        Entry entry = entries.get(credentialId);
        if (entry == null || now - entry.loadedAt() > MAX_AGE_MILLIS) {
            long before = drops.get();
            entry = new Entry(load(credentialId), now);
            entries.put(credentialId, entry);
            if (drops.get() != before) {
                entries.remove(credentialId, entry);
            }
        }
        return entry.policy();
    }

    void drop(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invalidated invalidated) {
        if (invalidated.names(SignalKind.CREDENTIAL)) {
            drops.incrementAndGet();
            entries.remove(invalidated.subject());
        }
    }

    private Optional<CredentialPolicy> load(String credentialId) {
        return em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", credentialId)
                .getResultStream()
                .findFirst()
                .map(CredentialPolicy::of);
    }
}
