package dev.agentry.core.incidents;

import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.incidents.IncidentChange;
import dev.agentry.persistence.incidents.IncidentRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the incidents: opens one when its signal reaches warn, raises or lowers it as the value
 * crosses thresholds, resolves it below warn, each transition in its own transaction with its
 * history row and, on opening and resolving, its {@code incident.opened|resolved} event in the
 * outbox. The id is derived from the signal and subject alone.
 */
@Stateless
public class IncidentBook {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    WebhookOutbox outbox;

    /** The stable id of the incident about {@code subject}'s {@code signal}. */
    public static String idOf(Signal signal, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((signal.wireName() + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "inc_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Judges a value against the thresholds and records whatever transition it makes.
     *
     * @return the severity the incident has now, empty when none is open
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Severity> assess(Signal signal, String subject, long value, Thresholds thresholds, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        String id = idOf(signal, subject);
        Optional<Severity> reached = thresholds.severityOf(value);
        IncidentRecord incident = em.find(IncidentRecord.class, id);
        if (incident == null || !incident.isOpen()) {
            if (reached.isEmpty()) {
                return reached;
            }
            if (incident == null) {
                incident = new IncidentRecord(id, signal.wireName(), subject, concerning(signal, subject));
                incident.open(reached.get().wireName(), value, thresholds.warn(), thresholds.critical(), now);
                em.persist(incident);
                em.flush();
            } else {
                incident.open(reached.get().wireName(), value, thresholds.warn(), thresholds.critical(), now);
            }
            em.persist(new IncidentChange(incident));
            publish(EventCatalog.INCIDENT_OPENED, incident);
            return reached;
        }
        if (reached.isEmpty()) {
            incident.resolve(value, now);
            em.persist(new IncidentChange(incident));
            publish(EventCatalog.INCIDENT_RESOLVED, incident);
            return reached;
        }
        Severity was = Severity.named(incident.getSeverity()).orElse(Severity.WARN);
        Severity peak = Severity.named(incident.getPeakSeverity()).orElse(Severity.WARN);
        if (reached.get() != was || value != incident.getValue()) {
            incident.update(
                    reached.get().wireName(),
                    reached.get().compareTo(peak) > 0,
                    value,
                    thresholds.warn(),
                    thresholds.critical(),
                    now);
            if (reached.get() != was) {
                em.persist(new IncidentChange(incident));
            }
        }
        return reached;
    }

    /** The (signal, subject) of every open incident, to judge again. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SignalWindows.Key> open() {
        return em.createNamedQuery("IncidentRecord.open", IncidentRecord.class).getResultList().stream()
                .flatMap(i -> Signal.named(i.getSignal()).map(s -> new SignalWindows.Key(s, i.getSubject())).stream())
                .toList();
    }

    /**
     * The credential an incident concerns, which decides who sees it: a per-credential signal's
     * subject, a subscription's owner; none for what concerns the whole installation.
     */
    private String concerning(Signal signal, String subject) {
        if (signal.perCredential()) {
            return IncidentSignals.UNATTRIBUTED.equals(subject) ? null : subject;
        }
        if (signal == Signal.WEBHOOK_DEAD_LETTERS || signal == Signal.WEBHOOK_BACKLOG_AGE) {
            return em.createNamedQuery("WebhookSubscription.byUid", WebhookSubscription.class)
                    .setParameter("uid", subject)
                    .getResultStream()
                    .findFirst()
                    .map(WebhookSubscription::getCredentialId)
                    .orElse(null);
        }
        return null;
    }

    /** The event carries {@link dev.agentry.core.webhooks.EventPayloads.IncidentData}. */
    private void publish(String type, IncidentRecord incident) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("incidentId", incident.getId());
        map.put("signal", incident.getSignal());
        map.put("subject", incident.getSubject());
        map.put("status", incident.getStatus());
        map.put("severity", incident.getSeverity());
        map.put("value", incident.getValue());
        map.put("warn", incident.getWarnAt());
        map.put("critical", incident.getCriticalAt());
        map.put("openedAt", incident.getOpenedAt().toString());
        map.put(
                "resolvedAt",
                incident.getResolvedAt() == null
                        ? null
                        : incident.getResolvedAt().toString());
        outbox.publishAbout(incident.getCredentialId(), type, map);
    }
}
