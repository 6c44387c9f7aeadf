package dev.agentry.core.incidents;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.persistence.incidents.IncidentChange;
import dev.agentry.persistence.incidents.IncidentRecord;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads incidents (SPEC section 6), judged again first so what is read is true now: open first, then
 * critical before warn, most recently updated first. An incident about a credential reaches only
 * callers who may see that credential ({@link Grant#seesCredential}); the rest concern the whole
 * installation and reach every {@code incidents:read} holder.
 */
@Boundary
@Stateless
public class IncidentService {

    /** The transitions an incident shows, newest first. */
    public static final int HISTORY = 20;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    IncidentSignals signals;

    @Inject
    IncidentSettings settings;

    /**
     * @param severity the severity to list, or null for both
     * @param status the status to list, or null for both
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Page<IncidentView> list(Grant grant, Severity severity, IncidentStatus status, PageLimit limit) {
        signals.evaluate();
        StringBuilder jpql = new StringBuilder("select i from IncidentRecord i where 1 = 1");
        if (severity != null) jpql.append(" and i.severity = :severity");
        if (status != null) jpql.append(" and i.status = :status");
        jpql.append(" order by case when i.status = 'open' then 0 else 1 end,"
                + " case when i.severity = 'critical' then 0 else 1 end, i.updatedAt desc, i.id");
        TypedQuery<IncidentRecord> query = em.createQuery(jpql.toString(), IncidentRecord.class);
        if (severity != null) query.setParameter("severity", severity.wireName());
        if (status != null) query.setParameter("status", status.wireName());
        // Incidents a caller may not see are skipped, so read in bounded pages until the page is full.
        List<IncidentRecord> visible = new ArrayList<>();
        int offset = 0;
        int batch = limit.value() + 1;
        while (visible.size() <= limit.value()) {
            List<IncidentRecord> read =
                    query.setFirstResult(offset).setMaxResults(batch).getResultList();
            visible.addAll(visibleTo(grant, read));
            if (read.size() < batch) {
                break;
            }
            offset += batch;
        }
        return Page.newest(visible.stream().map(i -> view(i, List.of())).toList(), limit.value());
    }

    /** One incident with its history; {@code not_found} for an unknown id or one the caller may not see. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IncidentView find(Grant grant, String id) {
        signals.evaluate();
        IncidentRecord incident = id == null || id.length() > 40 ? null : em.find(IncidentRecord.class, id);
        if (incident == null || visibleTo(grant, List.of(incident)).isEmpty()) {
            throw AgentryException.notFound("There is no incident " + id + ".");
        }
        List<IncidentView.Change> history = em
                .createNamedQuery("IncidentChange.of", IncidentChange.class)
                .setParameter("incident", incident.getId())
                .setMaxResults(HISTORY)
                .getResultList()
                .stream()
                .map(IncidentView.Change::of)
                .toList();
        return view(incident, history);
    }

    private IncidentView view(IncidentRecord incident, List<IncidentView.Change> history) {
        return IncidentView.of(incident, settings.window().toSeconds(), history);
    }

    private List<IncidentRecord> visibleTo(Grant grant, List<IncidentRecord> incidents) {
        Set<String> concerned = incidents.stream()
                .map(IncidentRecord::getCredentialId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, Collection<String>> scopes = new HashMap<>();
        if (!concerned.isEmpty()) {
            em.createNamedQuery("Credential.withUids", Credential.class)
                    .setParameter("uids", concerned)
                    .getResultList()
                    .forEach(c -> scopes.put(c.getUid(), c.getScopes()));
        }
        return incidents.stream()
                .filter(i -> i.getCredentialId() == null
                        || grant.seesCredential(
                                i.getCredentialId(), scopes.getOrDefault(i.getCredentialId(), List.of())))
                .toList();
    }
}
