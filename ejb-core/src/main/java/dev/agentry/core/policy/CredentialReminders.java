package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends {@code credential.expiring} once per expiry, when an active credential enters its reminder
 * window, so its owner's receivers hear of it before calls start failing. The event and the mark
 * that it went out commit together. Run by the {@code credential-reminders} batch job on its schedule;
 * idempotent: a credential already reminded of its current expiry is not reminded again, however often
 * it runs.
 */
@Boundary
@Stateless
public class CredentialReminders {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialEvent> events;

    @Inject
    AuditTrail audit;

    /** Reminds every credential that has entered its reminder window; returns how many it reminded. */
    public int remind() {
        Instant now = clock.instant();
        int[] reminded = {0};
        em.createQuery(
                        "select c from Credential c where c.expiresAt is not null and c.expiryRemindedAt is null",
                        Credential.class)
                .getResultStream()
                .filter(c -> CredentialStatus.expiringSoon(c, now))
                .forEach(c -> {
                    // Marked by a bulk update, which leaves the row's version alone: an administrator
                    // changing the same credential at this moment does not fail on a background reminder.
                    int marked = em.createNamedQuery("Credential.remindedOfExpiry")
                            .setParameter("uid", c.getUid())
                            .setParameter("at", now)
                            .executeUpdate();
                    if (marked == 1) {
                        events.fire(CredentialEvent.of(CredentialEvent.EXPIRING, c));
                        audit.action("credential.expiring", c.getUid());
                        reminded[0]++;
                    }
                });
        return reminded[0];
    }
}
