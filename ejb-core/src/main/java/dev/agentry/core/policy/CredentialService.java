package dev.agentry.core.policy;

import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Manages credentials for automation and for the console: create, change, rotate, pause, resume,
 * revoke, delete. A new or rotated secret is returned exactly once and only its hash is kept.
 */
@Stateless
public class CredentialService {

    public static final int MAX_LISTED = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialChanged> changed;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookOutbox outbox;

    @Inject
    @ConfigProperty(name = "agentry.credentials.rotation-overlap", defaultValue = "PT24H")
    Duration rotationOverlap;

    public CredentialView create(CredentialRequest request) {
        return createWithSecret(request, newClientId(), ClientSecret.generate());
    }

    /**
     * Creates a credential whose client id and secret are given, as the first-start bootstrap takes
     * them from configuration. The secret must already have passed {@link ClientSecret#parse}.
     */
    public CredentialView createWithSecret(CredentialRequest request, String clientId, ClientSecret secret) {
        CredentialRules.checkNew(request);
        Instant now = clock.instant();
        Credential credential = new Credential(UUID.randomUUID().toString(), clientId, secret.hash(), now);
        apply(credential, request, true, now);
        em.persist(credential);
        audit.action("credential.create", credential.getUid());
        return CredentialView.of(credential, now).withSecret(secret);
    }

    public List<CredentialView> list() {
        Instant now = clock.instant();
        return em.createNamedQuery("Credential.listAll", Credential.class)
                .setMaxResults(MAX_LISTED)
                .getResultStream()
                .map(c -> CredentialView.of(c, now))
                .toList();
    }

    public CredentialView find(String id) {
        return CredentialView.of(credential(id), clock.instant());
    }

    public CredentialView change(String id, CredentialRequest request) {
        CredentialRules.checkChange(request);
        Credential credential = credential(id);
        requireNotRevoked(credential, "changed");
        Instant now = clock.instant();
        apply(credential, request, false, now);
        return announce(credential, "credential.update", now);
    }

    /** Issues a new secret; the old one keeps working for the configured overlap. */
    public CredentialView rotate(String id) {
        Credential credential = credential(id);
        requireNotRevoked(credential, "rotated");
        Instant now = clock.instant();
        ClientSecret secret = ClientSecret.generate();
        credential.rotate(secret.hash(), now.plus(rotationOverlap), now);
        return announce(credential, "credential.rotate", now).withSecret(secret);
    }

    public CredentialView pause(String id) {
        Credential credential = credential(id);
        requireNotRevoked(credential, "paused");
        Instant now = clock.instant();
        credential.pause(now);
        return announce(credential, "credential.pause", now);
    }

    public CredentialView resume(String id) {
        Credential credential = credential(id);
        requireNotRevoked(credential, "resumed");
        Instant now = clock.instant();
        credential.resume(now);
        return announce(credential, "credential.resume", now);
    }

    /** Revokes for good; revoking twice is harmless. */
    public CredentialView revoke(String id) {
        Credential credential = credential(id);
        Instant now = clock.instant();
        if (!credential.isRevoked()) {
            outbox.publishAbout(
                    credential.getUid(), EventCatalog.CREDENTIAL_REVOKED, CredentialEvents.data(credential));
        }
        credential.revoke(now);
        return announce(credential, "credential.revoke", now);
    }

    public void delete(String id) {
        Credential credential = credential(id);
        em.remove(credential);
        audit.action("credential.delete", credential.getUid());
        changed.fire(new CredentialChanged(credential.getUid()));
    }

    private CredentialView announce(Credential credential, String action, Instant now) {
        audit.action(action, credential.getUid());
        changed.fire(new CredentialChanged(credential.getUid()));
        return CredentialView.of(credential, now);
    }

    private void apply(Credential c, CredentialRequest r, boolean creating, Instant now) {
        if (creating || r.name() != null || r.owner() != null || r.description() != null) {
            c.describe(
                    r.name() != null ? r.name().strip() : c.getName(),
                    r.owner() != null ? r.owner().strip() : c.getOwner(),
                    r.description() != null ? r.description() : c.getDescription(),
                    now);
        }
        if (creating || r.scopes() != null) {
            c.grant(CredentialRules.scopes(r.scopes()), now);
        }
        if (creating || r.eventInterests() != null) {
            c.interestIn(r.eventInterests() == null ? List.of() : List.copyOf(r.eventInterests()), now);
        }
        if (creating || r.ipAllowlist() != null) {
            c.allowFrom(IpAllowlist.parse("ipAllowlist", r.ipAllowlist()).entries(), now);
        }
        if (creating || r.ttlDaysGiven() || r.reminderDays() != null) {
            Instant expiresAt = creating || r.ttlDaysGiven()
                    ? (r.ttlDays() == null ? null : now.plus(Duration.ofDays(r.ttlDays())))
                    : c.getExpiresAt();
            int reminderDays = r.reminderDays() != null
                    ? r.reminderDays()
                    : creating ? CredentialRules.DEFAULT_REMINDER_DAYS : c.getReminderDays();
            c.expireAt(expiresAt, reminderDays, now);
        }
    }

    Credential credential(String id) {
        if (id == null || id.length() > 36) {
            throw AgentryException.notFound("Credential");
        }
        return em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound("Credential " + id));
    }

    private static void requireNotRevoked(Credential credential, String action) {
        if (credential.isRevoked()) {
            throw new AgentryException(ErrorCode.CONFLICT, "A revoked credential cannot be " + action + ".");
        }
    }

    private static String newClientId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "agc_" + Base62.encode(random, 22);
    }
}
