package dev.agentry.core.policy;

import dev.agentry.core.audit.AuditTrail;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends {@code credential.expiring} once per expiry, when an active credential enters its reminder
 * window, so its owner's receivers hear of it before calls start failing. The event and the mark
 * that it went out commit together.
 */
@Singleton
@Startup
public class CredentialReminders {

    @Inject
    @ConfigProperty(name = "agentry.credentials.reminder-interval", defaultValue = "PT1M")
    Duration interval;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialEvent> events;

    @Inject
    AuditTrail audit;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void remind() {
        Instant now = clock.instant();
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
                    }
                });
    }
}
