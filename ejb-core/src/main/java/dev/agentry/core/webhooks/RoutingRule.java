package dev.agentry.core.webhooks;

import dev.agentry.core.catalog.PersonalData;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.policy.CredentialState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which subscriptions an event goes to (SPEC section 8), the same whether or not any credential
 * declares event interests. A subscription gets an event only if (a) its own event types select it;
 * (b) its credential may read what the event carries — a change only with the collection's read
 * scope, a run's end only for the run's owner or a {@code runs:admin} holder (its publication only for
 * those of them holding {@code artifacts:read}), a credential's event
 * only for that credential and for {@code credentials:manage} holders whose own scopes cover the
 * credential's (the grant ceiling); and (c) where its credential declares interests, they select it
 * too. An event aimed at one subscription ({@code webhook.test}, sent on its owner's request) goes to
 * that one alone, and to no other.
 */
final class RoutingRule {

    private RoutingRule() {}

    /**
     * @param event what routing knows of the event, without its payload
     * @param subscriber the subscription's credential as it is now: its id and scopes
     * @param subjectScopes the scopes of the credential the event is about, if it has one and still exists
     */
    static boolean selects(
            RoutedEvent event,
            long subscriptionId,
            List<String> subscriptionTypes,
            List<String> subscriberInterests,
            Grant subscriber,
            Optional<? extends Collection<String>> subjectScopes) {
        if (event.target() != null) {
            return event.target() == subscriptionId;
        }
        return selectedBy(subscriptionTypes, event.type())
                && (subscriberInterests.isEmpty() || selectedBy(subscriberInterests, event.type()))
                && mayRead(subscriber, event, subjectScopes);
    }

    /** Whether the subscriber's delivery of this event goes out with personal data redacted. */
    static boolean redacts(Grant subscriber, String type) {
        return EventCatalog.collectionOf(type)
                .filter(PersonalData::carriedBy)
                .filter(collection -> !subscriber.revealsPersonalData(collection))
                .isPresent();
    }

    /**
     * Whether the subscriber may read what the event carries: asked at routing and again before every
     * send. An event aimed at one subscription is that subscription's owner's own request.
     */
    static boolean mayRead(Grant subscriber, RoutedEvent event, Optional<? extends Collection<String>> subjectScopes) {
        if (event.target() != null) {
            return true;
        }
        Optional<CollectionDescriptor> collection = EventCatalog.collectionOf(event.type());
        if (collection.isPresent()) {
            return subscriber.reads(collection.get());
        }
        String data =
                EventCatalog.named(event.type()).map(EventType::dataSchema).orElse("");
        String subject = event.subject();
        return switch (data) {
            case EventCatalog.RUN_DATA -> subject != null && subscriber.ownsRun(subject);
            case EventCatalog.CREDENTIAL_DATA ->
                subject != null
                        && (subscriber.owns(subject)
                                || (subscriber.holds(Scope.CREDENTIALS_MANAGE)
                                        && subjectScopes
                                                .filter(scopes -> subscriber
                                                        .beyondCeiling(scopes)
                                                        .isEmpty())
                                                .isPresent()));
            // An approval carries an action's input on a collection: for who may read that collection and
            // either asked for it (its owner) or may decide it. One applying a run's patch carries a run's
            // artifacts: for artifacts:read holders who own the run's credential's runs.
            case EventCatalog.APPROVAL_DATA ->
                (EventCatalog.RUN_ARTIFACTS.equals(event.collection())
                                ? subject != null
                                        && subscriber.holds(Scope.ARTIFACTS_READ)
                                        && subscriber.ownsRun(subject)
                                : CatalogCollections.ALL.stream()
                                        .filter(c -> c.name().equals(event.collection()))
                                        .anyMatch(subscriber::reads))
                        && ((subject != null && subscriber.owns(subject))
                                || subscriber.holds(Scope.CONTROL_APPROVALS_DECIDE));
            // A publication shows a run's patch as a branch: for artifacts:read holders who reach the run.
            case EventCatalog.PUBLICATION_DATA ->
                subject != null && subscriber.holds(Scope.ARTIFACTS_READ) && subscriber.ownsRun(subject);
            // Incidents reach incidents:read holders; one about a credential only those who may see it.
            case EventCatalog.INCIDENT_DATA ->
                subscriber.holds(Scope.INCIDENTS_READ)
                        && (subject == null
                                || subscriber.owns(subject)
                                || subjectScopes
                                        .filter(scopes -> subscriber.seesCredential(subject, scopes))
                                        .isPresent());
            // A kind of event without a rule here reaches nobody until it has one.
            default -> false;
        };
    }

    /**
     * Whether any event of this type could ever reach a subscriber with this grant: {@link #mayRead} without
     * the event. A subscription may name only such types (its patterns, at least one such type each), so what
     * a credential subscribes to says what it may receive. The test event is always its owner's own.
     */
    static boolean mayReceive(Grant subscriber, String type) {
        if (EventCatalog.TEST.equals(type)) {
            return true;
        }
        Optional<CollectionDescriptor> collection = EventCatalog.collectionOf(type);
        if (collection.isPresent()) {
            return subscriber.reads(collection.get());
        }
        String data = EventCatalog.named(type).map(EventType::dataSchema).orElse("");
        return switch (data) {
            // Its own runs and its own credential's events reach every credential.
            case EventCatalog.RUN_DATA, EventCatalog.CREDENTIAL_DATA -> true;
            case EventCatalog.APPROVAL_DATA ->
                subscriber.readsAnyCollection() || subscriber.holds(Scope.ARTIFACTS_READ);
            case EventCatalog.INCIDENT_DATA -> subscriber.holds(Scope.INCIDENTS_READ);
            case EventCatalog.PUBLICATION_DATA -> subscriber.holds(Scope.ARTIFACTS_READ);
            default -> false;
        };
    }

    /** Whether a subscription's credential may receive anything now: active and not expired. */
    static boolean usable(Credential owner, Instant now) {
        return owner != null
                && owner.getStatus() == CredentialState.ACTIVE
                && (owner.getExpiresAt() == null || owner.getExpiresAt().isAfter(now));
    }

    private static boolean selectedBy(List<String> patterns, String type) {
        return patterns.stream().anyMatch(p -> EventCatalog.matches(p, type));
    }

    /**
     * What routing reads of an outbox event.
     *
     * @param target the one subscription the event is for, or {@code null}
     * @param subject the credential the event is about, or {@code null}
     * @param collection the collection whose data the event carries when its type names none, or {@code null}
     */
    record RoutedEvent(long id, String type, Long target, Instant occurredAt, String subject, String collection) {

        RoutedEvent(long id, String type, Long target, Instant occurredAt, String subject) {
            this(id, type, target, occurredAt, subject, null);
        }
    }
}
