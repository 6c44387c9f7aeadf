package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.signals.ClusterSignals;
import dev.agentry.core.signals.SignalKind;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Manages credentials for automation and for the console: create, change, rotate, pause, resume,
 * revoke, delete. A new or rotated secret is returned exactly once and only its hash is kept. Every
 * operation is bounded by the caller's {@link Grant} under the grant ceiling ({@link CredentialCeiling}):
 * a refusal is {@code scope_denied}, audited with its action and target, and changes nothing.
 */
@Stateless
@ValidatedInput
@Boundary
public class CredentialService {

    public static final int MAX_LISTED = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterSignals signals;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CredentialEvent> events;

    @Inject
    GovernedWrites governedWrites;

    @Inject
    @ConfigProperty(name = "agentry.credentials.rotation-overlap", defaultValue = "PT24H")
    Duration rotationOverlap;

    /** Creates a credential holding only scopes the caller holds itself. */
    public CredentialView create(Grant caller, @Valid @ConvertGroup(to = Creation.class) CredentialRequest request) {
        CredentialCeiling ceiling = ceiling(caller);
        refuseIf(ceiling.refusesGranting(request.distinctScopes()), "credential.create", null);
        refuseIf(ceiling.refusesReach(reachAfter(null, request, clock.instant())), "credential.create", null);
        return createWithSecret(request, newClientId(), ClientSecret.generate());
    }

    /**
     * Creates a credential whose client id and secret are given, as the first-start bootstrap takes
     * them from configuration: the system acting before any caller exists, so no ceiling bounds it.
     * The secret must already have passed {@link ClientSecret#parse}.
     */
    public CredentialView createWithSecret(
            @Valid @ConvertGroup(to = Creation.class) CredentialRequest request, String clientId, ClientSecret secret) {
        Instant now = clock.instant();
        Credential credential = new Credential(UUID.randomUUID().toString(), clientId, secret.hash(), now);
        apply(credential, request, true, now);
        em.persist(credential);
        audit.action("credential.create", credential.getUid());
        return CredentialView.of(credential, now).withSecret(secret);
    }

    /**
     * The credentials the caller may manage, newest first: those holding no scope beyond its own. A
     * stronger credential is left out rather than shown: its details (owner, allowlist, client id) are
     * none of a weaker manager's business, and it could not act on it anyway.
     */
    public List<CredentialView> list(Grant caller) {
        Instant now = clock.instant();
        CredentialCeiling ceiling = ceiling(caller);
        return em.createNamedQuery("Credential.listAll", Credential.class)
                .getResultStream()
                .filter(c -> ceiling.covers(c.getScopes(), reachOf(c)))
                .limit(MAX_LISTED)
                .map(c -> CredentialView.of(c, now))
                .toList();
    }

    public CredentialView find(Grant caller, String id) {
        return CredentialView.of(actedOn(caller, id, "credential.read"), clock.instant());
    }

    public CredentialView change(Grant caller, String id, @Valid CredentialRequest request) {
        Credential credential = credential(id);
        CredentialCeiling ceiling = ceiling(caller);
        refuseIf(
                ceiling.refusesChange(credential.getUid(), credential.getScopes(), reachOf(credential), request),
                "credential.update",
                credential.getUid());
        refuseIf(
                ceiling.refusesReach(reachAfter(credential, request, clock.instant())),
                "credential.update",
                credential.getUid());
        requireNotRevoked(credential, "changed");
        Instant now = clock.instant();
        apply(credential, request, false, now);
        return announce(credential, "credential.update", now);
    }

    /** Issues a new secret; the old one keeps working for the configured overlap. */
    public CredentialView rotate(Grant caller, String id) {
        Credential credential = actedOn(caller, id, "credential.rotate");
        requireNotRevoked(credential, "rotated");
        Instant now = clock.instant();
        ClientSecret secret = ClientSecret.generate();
        credential.rotate(secret.hash(), now.plus(rotationOverlap), now);
        return announce(credential, "credential.rotate", now).withSecret(secret);
    }

    public CredentialView pause(Grant caller, String id) {
        Credential credential = actedOn(caller, id, "credential.pause");
        requireNotRevoked(credential, "paused");
        Instant now = clock.instant();
        credential.pause(now);
        return announce(credential, "credential.pause", now);
    }

    public CredentialView resume(Grant caller, String id) {
        Credential credential = actedOn(caller, id, "credential.resume");
        requireNotRevoked(credential, "resumed");
        Instant now = clock.instant();
        credential.resume(now);
        return announce(credential, "credential.resume", now);
    }

    /** Revokes for good; revoking twice is harmless. */
    public CredentialView revoke(Grant caller, String id) {
        Credential credential = actedOn(caller, id, "credential.revoke");
        Instant now = clock.instant();
        if (!credential.isRevoked()) {
            events.fire(CredentialEvent.of(CredentialEvent.REVOKED, credential));
        }
        credential.revoke(now);
        return announce(credential, "credential.revoke", now);
    }

    public void delete(Grant caller, String id) {
        Credential credential = actedOn(caller, id, "credential.delete");
        em.remove(credential);
        audit.action("credential.delete", credential.getUid());
        signals.raise(SignalKind.CREDENTIAL, credential.getUid());
    }

    private CredentialView announce(Credential credential, String action, Instant now) {
        audit.action(action, credential.getUid());
        signals.raise(SignalKind.CREDENTIAL, credential.getUid());
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
            refuseUngrantable(r);
            c.grant(r.distinctScopes(), now);
        }
        if (creating || r.eventInterests() != null) {
            c.interestIn(r.eventInterests() == null ? List.of() : List.copyOf(r.eventInterests()), now);
        }
        if (creating || r.ipAllowlist() != null) {
            c.allowFrom(IpAllowlist.parse("ipAllowlist", r.ipAllowlist()).entries(), now);
        }
        if (creating || r.ttlDaysGiven() || r.reminderDays() != null) {
            Instant expiresAt = expiryAfter(creating ? null : c, r, now);
            int reminderDays = r.reminderDays() != null
                    ? r.reminderDays()
                    : creating ? CredentialRequest.DEFAULT_REMINDER_DAYS : c.getReminderDays();
            c.expireAt(expiresAt, reminderDays, now);
        }
    }

    /** The credential named, if the caller's ceiling covers it; the refusal is audited as {@code action}. */
    private Credential actedOn(Grant caller, String id, String action) {
        Credential credential = credential(id);
        refuseIf(
                ceiling(caller).refusesActingOn(credential.getUid(), credential.getScopes(), reachOf(credential)),
                action,
                credential.getUid());
        return credential;
    }

    /** The caller's ceiling: its scopes, and where and until when its own credential works. */
    private CredentialCeiling ceiling(Grant caller) {
        if (Grant.CONSOLE.equals(caller.credentialId())) {
            return new CredentialCeiling(caller);
        }
        // Read-only: the caller's own row is only looked at here, and its last use is written meanwhile.
        Credential self = em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", caller.credentialId())
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () -> AgentryException.notFound("Credential " + caller.credentialId() + " does not exist."));
        return new CredentialCeiling(caller, reachOf(self));
    }

    private static CredentialReach reachOf(Credential c) {
        return new CredentialReach(IpAllowlist.stored(c.getIpAllowlist()), c.getExpiresAt());
    }

    /** Where and until when a credential would work once {@code r} is applied to it (null: a new one). */
    private static CredentialReach reachAfter(Credential current, CredentialRequest r, Instant now) {
        IpAllowlist allowlist = current == null || r.ipAllowlist() != null
                ? IpAllowlist.parse("ipAllowlist", r.ipAllowlist())
                : IpAllowlist.stored(current.getIpAllowlist());
        return new CredentialReach(allowlist, expiryAfter(current, r, now));
    }

    private static Instant expiryAfter(Credential current, CredentialRequest r, Instant now) {
        return current == null || r.ttlDaysGiven()
                ? (r.ttlDays() == null ? null : now.plus(Duration.ofDays(r.ttlDays())))
                : current.getExpiresAt();
    }

    /** Control scopes while governed writes are off are refused as unknown, as if they did not exist. */
    private void refuseUngrantable(CredentialRequest r) {
        List<String> refused = governedWrites.ungrantable(r.distinctScopes());
        if (!refused.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < r.scopes().size(); i++) {
                if (refused.contains(r.scopes().get(i))) {
                    errors.add(new FieldError(
                            "scopes[" + i + "]",
                            "unknown_scope",
                            FieldError.quoted(r.scopes().get(i)) + " is not a scope; see /capabilities"));
                }
            }
            throw AgentryException.validation(errors);
        }
    }

    /**
     * Refuses with {@code scope_denied}. The refusal rolls this transaction back, so its record is kept
     * outside it, naming the action and target the API's record of the call could not.
     */
    private void refuseIf(Optional<String> refusal, String action, String target) {
        if (refusal.isPresent()) {
            audit.refusalOutsideTransaction(action, target, ErrorCode.SCOPE_DENIED.code());
            throw new AgentryException(ErrorCode.SCOPE_DENIED, refusal.get());
        }
    }

    Credential credential(String id) {
        if (id == null || id.length() > 36) {
            throw AgentryException.notFound("There is no credential with this id.");
        }
        return em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound("Credential " + id + " does not exist."));
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
