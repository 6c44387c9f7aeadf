package dev.agentry.core.webhooks;

import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The credentials a batch of routing or sending needs to ask the {@link RoutingRule} — subscribers and
 * the credentials events are about — and no others, in one read-only query: routing never changes them,
 * and their last use is written meanwhile.
 */
@ApplicationScoped
class RoutingCredentials {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    Map<String, Credential> byUid(Set<String> uids) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("Credential.withUids", Credential.class)
                .setParameter("uids", uids)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .collect(Collectors.toMap(Credential::getUid, Function.identity()));
    }
}
