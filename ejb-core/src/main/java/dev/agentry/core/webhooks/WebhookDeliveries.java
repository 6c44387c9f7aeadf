package dev.agentry.core.webhooks;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.webhooks.DeadLetter;
import dev.agentry.persistence.webhooks.WebhookAttempt;
import dev.agentry.persistence.webhooks.WebhookDelivery;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A credential's delivery history and dead-letter queue, and replay (SPEC section 8). Replay puts a
 * dead delivery back on the schedule from its first attempt: the same event id, signed again with
 * the subscription's current secret and a fresh timestamp when it is sent.
 */
@Stateless
@ValidatedInput
@Boundary
public class WebhookDeliveries {

    /** At most this many dead letters are replayed by one request. */
    public static final int REPLAY_BATCH = 100;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    CursorSeal seal;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A subscription's deliveries, newest first. */
    /** Deliveries waiting to be sent or retried, across every subscription: the console's backlog. */
    public long backlog() {
        return em.createQuery("select count(d) from WebhookDelivery d where d.status = :pending", Long.class)
                .setParameter("pending", WebhookDelivery.PENDING)
                .getSingleResult();
    }

    /** Dead letters across every subscription. */
    public long deadLetterCount() {
        return em.createQuery("select count(d) from DeadLetter d", Long.class).getSingleResult();
    }

    public Page<DeliveryView> history(String credentialId, String subscriptionId, PageLimit pageLimit, String cursor) {
        int limit = pageLimit.value();
        WebhookSubscription subscription = subscriptions.owned(credentialId, subscriptionId);
        String binding = "deliveries|" + subscription.getUid();
        long before = cursor == null ? Long.MAX_VALUE : position(cursor, binding);
        List<WebhookDelivery> deliveries = em.createNamedQuery("WebhookDelivery.ofSubscription", WebhookDelivery.class)
                .setParameter("subscription", subscription.getId())
                .setParameter("before", before)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = deliveries.size() > limit;
        List<WebhookDelivery> page = more ? deliveries.subList(0, limit) : deliveries;
        Map<Long, List<WebhookAttempt>> attempts = page.isEmpty()
                ? Map.of()
                : em.createNamedQuery("WebhookAttempt.ofDeliveries", WebhookAttempt.class)
                        .setParameter(
                                "deliveries",
                                page.stream().map(WebhookDelivery::getId).toList())
                        .getResultStream()
                        .collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId));
        List<DeliveryView> views = page.stream()
                .map(d -> new DeliveryView(
                        d.getId().toString(),
                        d.getEvent().getEventId(),
                        d.getEvent().getType(),
                        d.getStatus(),
                        d.getAttempts(),
                        d.getNextAttemptAt(),
                        d.getLastStatus(),
                        d.getLastError(),
                        d.getCreatedAt(),
                        attempts.getOrDefault(d.getId(), List.of()).stream()
                                .map(a -> new DeliveryView.Attempt(
                                        a.getNumber(),
                                        a.getAttemptedAt(),
                                        a.getStatusCode(),
                                        a.getLatencyMillis(),
                                        a.getOutcome(),
                                        a.getResponseExcerpt()))
                                .toList()))
                .toList();
        String next = more ? seal.seal(binding + "|" + page.get(page.size() - 1).getId()) : null;
        return Page.of(views, next);
    }

    /**
     * The credential's dead letters, oldest first, optionally of one subscription or event type, or
     * failed since a time. The cursor is bound to the filters.
     */
    public Page<DeadLetterView> deadLetters(
            String credentialId,
            String subscriptionId,
            String eventType,
            Instant failedSince,
            PageLimit pageLimit,
            String cursor) {
        return deadLettersOf(
                Objects.requireNonNull(credentialId), subscriptionId, eventType, failedSince, pageLimit, cursor);
    }

    /**
     * The dead letters of every subscription the grant owns — for the console, of all of them — with
     * the same filters: the queue an administrator works through across credentials.
     */
    public Page<DeadLetterView> deadLetters(
            Grant grant,
            String subscriptionId,
            String eventType,
            Instant failedSince,
            PageLimit pageLimit,
            String cursor) {
        return deadLettersOf(owner(grant), subscriptionId, eventType, failedSince, pageLimit, cursor);
    }

    /**
     * How many dead letters the same filters select of every subscription the grant owns: the size of the
     * whole queue that a page of {@link #deadLetters(Grant, String, String, Instant, PageLimit, String)} is
     * part of.
     */
    public long deadLetterCount(Grant grant, String subscriptionId, String eventType, Instant failedSince) {
        return countOf(owner(grant), subscriptionId, eventType, failedSince);
    }

    /** As {@link #deadLetterCount(Grant, String, String, Instant)}, of one credential's subscriptions. */
    public long deadLetterCount(String credentialId, String subscriptionId, String eventType, Instant failedSince) {
        return countOf(Objects.requireNonNull(credentialId), subscriptionId, eventType, failedSince);
    }

    private long countOf(String credentialId, String subscriptionId, String eventType, Instant failedSince) {
        Long subscription = subscriptionId == null
                ? null
                : subscription(credentialId, subscriptionId).getId();
        TypedQuery<Long> count = em.createQuery(
                "select count(l) from DeadLetter l join l.delivery d join d.subscription s where l.id > :after"
                        + where(credentialId, subscription, eventType, failedSince),
                Long.class);
        return bind(count, credentialId, subscription, eventType, failedSince, 0)
                .getSingleResult();
    }

    /** Replays dead letters of any subscription the grant owns (the console's: any), as {@link #replay}. */
    public ReplayResult replay(Grant grant, @Valid ReplayRequest request) {
        return replayAs(owner(grant), request);
    }

    /** The credential whose subscriptions the grant owns, or null for all of them (the console). */
    private static String owner(Grant grant) {
        return grant.ownsEverything() ? null : grant.credentialId();
    }

    /** As the public listing; a null credential means every credential's subscriptions. */
    private Page<DeadLetterView> deadLettersOf(
            String credentialId,
            String subscriptionId,
            String eventType,
            Instant failedSince,
            PageLimit pageLimit,
            String cursor) {
        int limit = pageLimit.value();
        Long subscription = subscriptionId == null
                ? null
                : subscription(credentialId, subscriptionId).getId();
        String binding = "dlq|" + Objects.toString(subscriptionId, "") + "|" + Objects.toString(eventType, "") + "|"
                + Objects.toString(failedSince, "");
        long after = cursor == null ? 0 : position(cursor, binding);
        List<DeadLetter> letters = query(credentialId, subscription, eventType, failedSince, after)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = letters.size() > limit;
        List<DeadLetter> page = more ? letters.subList(0, limit) : letters;
        String next = more ? seal.seal(binding + "|" + page.get(page.size() - 1).getId()) : null;
        return Page.of(page.stream().map(WebhookDeliveries::view).toList(), next);
    }

    /**
     * Replays the dead letters the request names or selects by time. A letter whose subscription is
     * disabled is refused and stays dead: put back on the schedule it would sit pending, never sent.
     * When nothing could be replayed because of such a conflict, the whole request is {@code conflict},
     * saying why; otherwise the result counts what was replayed and names each refusal.
     */
    public ReplayResult replay(String credentialId, @Valid ReplayRequest request) {
        return replayAs(Objects.requireNonNull(credentialId), request);
    }

    /** As {@link #replay}; a null credential means any credential's dead letters (the console). */
    private ReplayResult replayAs(String credentialId, ReplayRequest request) {
        ReplayResult result = request.ids() != null
                ? replayIds(credentialId, request.ids())
                : replaySince(credentialId, request.since());
        if (result.conflicted()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "Nothing was replayed: " + result.summary()
                            + ". Enable a disabled subscription (after fixing its receiver), then replay.");
        }
        return result;
    }

    /** Replays the given dead letters of this credential; each one missing is an error, not a failure. */
    private ReplayResult replayIds(String credentialId, List<String> ids) {
        List<ReplayResult.ReplayError> errors = new ArrayList<>();
        int replayed = 0;
        for (String id : ids) {
            DeadLetter letter = owned(credentialId, id);
            if (letter == null) {
                errors.add(new ReplayResult.ReplayError(
                        id, "not_found", ReplayResult.NOT_FOUND + ": no dead letter " + FieldError.quoted(id)));
            } else if (!WebhookDelivery.DEAD.equals(letter.getDelivery().getStatus())) {
                errors.add(new ReplayResult.ReplayError(
                        id, "conflict", ReplayResult.ALREADY_REPLAYED + ": it has not failed again since"));
            } else {
                Optional<ReplayResult.ReplayError> refused = refusal(letter);
                if (refused.isPresent()) {
                    errors.add(refused.get());
                } else {
                    replay(letter);
                    replayed++;
                }
            }
        }
        return new ReplayResult(ids.size(), replayed, errors);
    }

    /** Replays this credential's dead deliveries that failed since {@code since}, up to a batch. */
    private ReplayResult replaySince(String credentialId, Instant since) {
        List<DeadLetter> letters = query(credentialId, null, null, since, 0)
                .getResultStream()
                .filter(l -> WebhookDelivery.DEAD.equals(l.getDelivery().getStatus()))
                .limit(REPLAY_BATCH)
                .toList();
        List<ReplayResult.ReplayError> errors = new ArrayList<>();
        int replayed = 0;
        for (DeadLetter letter : letters) {
            Optional<ReplayResult.ReplayError> refused = refusal(letter);
            if (refused.isPresent()) {
                errors.add(refused.get());
            } else {
                replay(letter);
                replayed++;
            }
        }
        return new ReplayResult(letters.size(), replayed, errors);
    }

    /** Why this dead letter may not go back on the schedule now, if it may not. */
    private static Optional<ReplayResult.ReplayError> refusal(DeadLetter letter) {
        WebhookSubscription subscription = letter.getDelivery().getSubscription();
        if (subscription.isActive()) {
            return Optional.empty();
        }
        String why = subscription.getDisabledReason() == null ? "" : " (" + subscription.getDisabledReason() + ")";
        return Optional.of(new ReplayResult.ReplayError(
                letter.getId().toString(),
                "conflict",
                ReplayResult.SUBSCRIPTION_DISABLED + ": subscription " + subscription.getUid() + " is disabled" + why
                        + "; enable it, then replay"));
    }

    private void replay(DeadLetter letter) {
        Instant now = clock.instant();
        letter.getDelivery().replay(now);
        letter.replayed(now);
        audit.action("webhook.dlq.replay", letter.getDelivery().getEvent().getEventId());
    }

    private DeadLetter owned(String credentialId, String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
        DeadLetter letter = em.find(DeadLetter.class, key);
        return letter != null
                        && (credentialId == null
                                || letter.getDelivery()
                                        .getSubscription()
                                        .getCredentialId()
                                        .equals(credentialId))
                ? letter
                : null;
    }

    private TypedQuery<DeadLetter> query(
            String credentialId, Long subscription, String eventType, Instant failedSince, long after) {
        TypedQuery<DeadLetter> query = em.createQuery(
                "select l from DeadLetter l join l.delivery d join d.subscription s where l.id > :after"
                        + where(credentialId, subscription, eventType, failedSince)
                        + " order by l.id",
                DeadLetter.class);
        return bind(query, credentialId, subscription, eventType, failedSince, after);
    }

    /** The conditions of the queue's filters that are set, after {@code l.id > :after}. */
    private static String where(String credentialId, Long subscription, String eventType, Instant failedSince) {
        StringBuilder jpql = new StringBuilder();
        if (credentialId != null) {
            jpql.append(" and s.credentialId = :credential");
        }
        if (subscription != null) {
            jpql.append(" and l.subscriptionId = :subscription");
        }
        if (eventType != null) {
            jpql.append(" and l.eventType = :type");
        }
        if (failedSince != null) {
            jpql.append(" and l.failedAt >= :since");
        }
        return jpql.toString();
    }

    private static <T> TypedQuery<T> bind(
            TypedQuery<T> query,
            String credentialId,
            Long subscription,
            String eventType,
            Instant failedSince,
            long after) {
        query.setParameter("after", after);
        if (credentialId != null) {
            query.setParameter("credential", credentialId);
        }
        if (subscription != null) {
            query.setParameter("subscription", subscription);
        }
        if (eventType != null) {
            query.setParameter("type", eventType);
        }
        if (failedSince != null) {
            query.setParameter("since", failedSince);
        }
        return query;
    }

    /** The subscription with this id of the credential, or of any credential when it is null. */
    private WebhookSubscription subscription(String credentialId, String id) {
        if (credentialId != null) {
            return subscriptions.owned(credentialId, id);
        }
        return em.createNamedQuery("WebhookSubscription.byUid", WebhookSubscription.class)
                .setParameter("uid", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.notFound(
                        "Webhook subscription " + FieldError.quoted(id) + " does not exist."));
    }

    private long position(String cursor, String binding) {
        String payload = seal.open(cursor);
        if (!payload.startsWith(binding + "|")) {
            throw CursorSeal.invalid("The cursor belongs to another listing or other filters.");
        }
        return Long.parseLong(payload.substring(binding.length() + 1));
    }

    private static DeadLetterView view(DeadLetter letter) {
        WebhookDelivery delivery = letter.getDelivery();
        return new DeadLetterView(
                letter.getId().toString(),
                delivery.getSubscription().getUid(),
                delivery.getEvent().getEventId(),
                letter.getEventType(),
                letter.getReason(),
                letter.getFailedAt(),
                delivery.getStatus(),
                letter.getReplayCount(),
                letter.getLastReplayedAt());
    }
}
