package dev.agentry.core.webhooks;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.secrets.RowIdentity;
import dev.agentry.core.secrets.SecretVault;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.WebhookEvent;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A credential's webhook subscriptions (SPEC section 8). A credential sees and changes only its own;
 * another's is "not found". Every change is audited; the secret is shown only on create and rotate. The
 * same rules hold whoever asks (the credential through the API, an administrator in the console for it):
 * the owning credential holds {@code webhooks:manage}, and subscribes only to event types its grant lets
 * reach it and that are within its event interests.
 */
@Stateless
@ValidatedInput
@Boundary
public class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How many ids {@link #named} resolves at once (an audit page shows 500 records at most). */
    public static final int MAX_NAMED = 500;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookOutbox outbox;

    @Inject
    SecretVault vault;

    public SubscriptionSecret create(
            String credentialId, @Valid @ConvertGroup(to = Creation.class) SubscriptionRequest request) {
        Credential owner = owner(credentialId);
        List<FieldError> errors = new ArrayList<>();
        checkManager(owner, errors);
        checkUrl(request.url(), errors);
        List<String> events = checkEvents(request.events(), owner, errors);
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        String secret = newSecret();
        Instant now = clock.instant();
        String uid = UUID.randomUUID().toString();
        WebhookSubscription subscription = new WebhookSubscription(
                uid,
                credentialId,
                request.url().strip(),
                events,
                request.description(),
                vault.seal(secret, RowIdentity.webhookSubscription(uid)),
                vault.kekId(),
                now);
        em.persist(subscription);
        audit.action("webhook.subscription.create", subscription.getUid());
        return new SubscriptionSecret(SubscriptionView.of(subscription, now), secret);
    }

    public List<SubscriptionView> list(String credentialId) {
        Instant now = clock.instant();
        return em.createNamedQuery("WebhookSubscription.ofCredential", WebhookSubscription.class)
                .setParameter("credentialId", credentialId)
                .getResultStream()
                .map(s -> SubscriptionView.of(s, now))
                .toList();
    }

    /**
     * The subscriptions with these ids that still exist, by id, in one query: how the console names the
     * targets of audit records. At most {@link #MAX_NAMED} ids.
     */
    public Map<String, SubscriptionRef> named(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > MAX_NAMED) {
            throw new IllegalArgumentException("at most " + MAX_NAMED + " ids at once");
        }
        return em.createQuery("select s from WebhookSubscription s where s.uid in :ids", WebhookSubscription.class)
                .setParameter("ids", Set.copyOf(ids))
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .collect(Collectors.toMap(
                        WebhookSubscription::getUid,
                        s -> new SubscriptionRef(s.getUid(), s.getCredentialId(), s.getUrl(), s.getDescription())));
    }

    /**
     * The subscriptions the grant may see — its credential's own, the console's every one — newest first,
     * at most {@code limit}: what a chooser offers. {@code hasMore} says older ones exist beyond it.
     */
    public Page<SubscriptionRef> visibleTo(Grant grant, int limit) {
        String owner = grant.ownsEverything() ? null : grant.credentialId();
        TypedQuery<WebhookSubscription> query = em.createQuery(
                        "select s from WebhookSubscription s"
                                + (owner == null ? "" : " where s.credentialId = :credential")
                                + " order by s.id desc",
                        WebhookSubscription.class)
                .setHint("org.hibernate.readOnly", true)
                .setMaxResults(limit + 1);
        if (owner != null) {
            query.setParameter("credential", owner);
        }
        return Page.newest(
                query.getResultStream()
                        .map(s -> new SubscriptionRef(s.getUid(), s.getCredentialId(), s.getUrl(), s.getDescription()))
                        .toList(),
                limit);
    }

    /** The credentials that have at least one subscription, for the console to offer. */
    public Set<String> subscriberIds() {
        return Set.copyOf(em.createQuery("select distinct s.credentialId from WebhookSubscription s", String.class)
                .getResultList());
    }

    public SubscriptionView get(String credentialId, String id) {
        return SubscriptionView.of(owned(credentialId, id), clock.instant());
    }

    public SubscriptionView update(String credentialId, String id, @Valid SubscriptionRequest request) {
        WebhookSubscription subscription = owned(credentialId, id);
        Credential owner = owner(credentialId);
        List<FieldError> errors = new ArrayList<>();
        checkManager(owner, errors);
        checkUrl(request.url(), errors);
        List<String> events = checkEvents(request.events(), owner, errors);
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        Instant now = clock.instant();
        if (request.url() != null) {
            subscription.retarget(request.url().strip(), now);
        }
        if (events != null) {
            subscription.subscribeTo(events, now);
        }
        if (request.description() != null) {
            subscription.describeAs(request.description(), now);
        }
        if (WebhookSubscription.ACTIVE.equals(request.status())) {
            subscription.enable(now);
        } else if (WebhookSubscription.DISABLED.equals(request.status())) {
            subscription.disable("disabled by its owner", now);
        }
        audit.action("webhook.subscription.update", subscription.getUid());
        return SubscriptionView.of(subscription, now);
    }

    /** Deletes it with its deliveries and dead letters. */
    public void delete(String credentialId, String id) {
        WebhookSubscription subscription = owned(credentialId, id);
        em.createQuery("delete from DeadLetter d where d.subscriptionId = :id")
                .setParameter("id", subscription.getId())
                .executeUpdate();
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in"
                        + " (select d.id from WebhookDelivery d where d.subscription.id = :id)")
                .setParameter("id", subscription.getId())
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.subscription.id = :id")
                .setParameter("id", subscription.getId())
                .executeUpdate();
        em.remove(subscription);
        audit.action("webhook.subscription.delete", subscription.getUid());
    }

    /** A new secret signs from now on; the old one also signs for the configured overlap. */
    public SubscriptionSecret rotateSecret(String credentialId, String id) {
        WebhookSubscription subscription = owned(credentialId, id);
        String secret = newSecret();
        Instant now = clock.instant();
        RowIdentity row = RowIdentity.webhookSubscription(subscription.getUid());
        String current = vault.open(subscription.getSecret(), row);
        subscription.rotateSecret(
                vault.seal(secret, row), vault.seal(current, row), vault.kekId(), settings.secretOverlap(), now);
        audit.action("webhook.subscription.rotate-secret", subscription.getUid());
        return new SubscriptionSecret(SubscriptionView.of(subscription, now), secret);
    }

    /** Sends a {@code webhook.test} event to this subscription alone; returns its event id. */
    public String test(String credentialId, String id) {
        WebhookSubscription subscription = owned(credentialId, id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscription.getUid());
        data.put("message", "A test event from Agentry, sent on request.");
        WebhookEvent event = outbox.publishTo(subscription.getId(), EventCatalog.TEST, data);
        audit.action("webhook.subscription.test", subscription.getUid());
        return event.getEventId();
    }

    /** The credential's subscription with this id; {@code not_found} for another credential's. */
    public WebhookSubscription owned(String credentialId, String id) {
        return em.createNamedQuery("WebhookSubscription.byUid", WebhookSubscription.class)
                .setParameter("uid", id)
                .getResultStream()
                .filter(s -> s.getCredentialId().equals(credentialId))
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound(
                        "Webhook subscription " + FieldError.quoted(id) + " does not exist."));
    }

    private Credential owner(String credentialId) {
        return em.createNamedQuery("Credential.findByUid", Credential.class)
                .setParameter("uid", credentialId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound(
                        "Credential " + FieldError.quoted(credentialId) + " does not exist."));
    }

    /** Only a credential that may manage webhooks owns a subscription (the API's route asks its token the same). */
    private static void checkManager(Credential owner, List<FieldError> errors) {
        managerRefusal(owner.getScopes()).ifPresent(errors::add);
    }

    static Optional<FieldError> managerRefusal(Collection<String> ownerScopes) {
        if (ownerScopes.contains(Scope.WEBHOOKS_MANAGE.scope())) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(
                "credentialId", "not_allowed", "the owning credential must hold " + Scope.WEBHOOKS_MANAGE.scope()));
    }

    /** Whether the guard lets deliveries go to the URL; its form is {@link SubscriptionRequest}'s rule. */
    private void checkUrl(String url, List<FieldError> errors) {
        if (url == null) {
            return;
        }
        settings.guard()
                .refusal(url.strip())
                .ifPresent(why -> errors.add(new FieldError("url", "url_refused", "url " + why)));
    }

    /**
     * The distinct event types, or {@code null} when not given on a change; each must select a type the
     * credential's grant lets reach it ({@link RoutingRule#mayReceive}) and be within the credential's
     * interests (that they are event types is {@link SubscriptionRequest}'s rule).
     */
    private List<String> checkEvents(List<String> events, Credential owner, List<FieldError> errors) {
        if (events == null) {
            return null;
        }
        List<String> interests = owner.getEventInterests();
        Grant grant = new Grant(owner.getUid(), Set.copyOf(owner.getScopes()));
        int before = errors.size();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            String field = "events[" + i + "]";
            if (type != null && !withinGrant(type, grant)) {
                errors.add(new FieldError(
                        field,
                        "outside_grant",
                        FieldError.quoted(type) + " selects no event type the credential's scopes let it receive"));
            } else if (type != null && !interests.isEmpty() && !withinInterests(type, interests)) {
                errors.add(new FieldError(
                        field,
                        "outside_interests",
                        FieldError.quoted(type) + " is outside the credential's event interests " + interests));
            }
        }
        return errors.size() > before ? null : List.copyOf(new LinkedHashSet<>(events));
    }

    /** The pattern selects at least one type that may reach the grant (routing drops the others). */
    static boolean withinGrant(String pattern, Grant grant) {
        return EventCatalog.ALL.stream()
                .map(EventType::type)
                .filter(type -> EventCatalog.matches(pattern, type))
                .anyMatch(type -> RoutingRule.mayReceive(grant, type));
    }

    /** Every type the pattern selects is one the credential is interested in. */
    private static boolean withinInterests(String pattern, List<String> interests) {
        return EventCatalog.ALL.stream()
                .map(EventType::type)
                .filter(type -> EventCatalog.matches(pattern, type))
                .allMatch(type -> interests.stream().anyMatch(interest -> EventCatalog.matches(interest, type)));
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
