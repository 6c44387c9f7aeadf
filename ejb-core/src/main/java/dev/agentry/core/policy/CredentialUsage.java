package dev.agentry.core.policy;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last use of each credential (time and address), remembered in memory per request and written in
 * one transaction every few seconds, so using a credential costs no database write. Every node flushes its own
 * uses; each write keeps the later of the stored use and its own (a conditional update that leaves the row's
 * version alone), so nodes flushing in any order, or beside an operator's edit, neither lose the latest use nor
 * fail.
 */
@Singleton
public class CredentialUsage {

    private record Use(Instant at, String address) {}

    private final Map<String, Use> pending = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /**
     * Lock-free: the map is concurrent, and every request passes through here. No transaction of its own
     * (an EJB method's default would begin one for every request only to touch this map).
     */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void used(String credentialId, Instant at, String address) {
        pending.merge(credentialId, new Use(at, address), (a, b) -> b.at().isAfter(a.at()) ? b : a);
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void flush() {
        for (String id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                em.createNamedQuery("Credential.recordUse")
                        .setParameter("at", use.at())
                        .setParameter("address", use.address())
                        .setParameter("uid", id)
                        .executeUpdate();
            }
        }
    }
}
