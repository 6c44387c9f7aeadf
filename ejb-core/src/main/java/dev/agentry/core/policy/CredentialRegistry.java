package dev.agentry.core.policy;

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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials' policy for per-request checks, without a database read per request. A change on this
 * node drops its entry as soon as the change commits; an entry also expires after {@link #MAX_AGE},
 * which bounds how long another node's change (pause, revoke) can go unnoticed.
 */
@ApplicationScoped
class CredentialRegistry {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Entry(Optional<CredentialPolicy> policy, Instant loadedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    /** The credential's policy; empty once it has been deleted. */
    public Optional<CredentialPolicy> policy(String credentialId) {
        Instant now = clock.instant();
        Entry entry = entries.get(credentialId);
        if (entry == null || entry.loadedAt().plus(MAX_AGE).isBefore(now)) {
            entry = new Entry(load(credentialId), now);
            entries.put(credentialId, entry);
        }
        return entry.policy();
    }

    void drop(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialChanged change) {
        entries.remove(change.credentialId());
    }

    private Optional<CredentialPolicy> load(String credentialId) {
        return em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", credentialId)
                .getResultStream()
                .findFirst()
                .map(CredentialPolicy::of);
    }
}
