package dev.agentry.core.webhooks;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.CredentialEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published, versioned catalog of event types: {@code <item>.created|updated|deleted} for every
 * catalog collection, derived from the descriptors, then the platform's own. A later feature adds
 * its types to {@link #PLATFORM}. Served in {@code /capabilities}; each payload's data has a schema
 * in {@code /schema}.
 */
@Boundary
public final class EventCatalog {

    public static final String TEST = "webhook.test";
    public static final String CREDENTIAL_EXPIRING = CredentialEvent.EXPIRING;
    public static final String CREDENTIAL_REVOKED = CredentialEvent.REVOKED;

    /** The data schema of every catalog change event. */
    public static final String CHANGE_DATA = "webhook.data.change";

    /** The data schema of every credential event. */
    public static final String CREDENTIAL_DATA = "webhook.data.credential";

    public static final String RUN_SUCCEEDED = "run.succeeded";
    public static final String RUN_FAILED = "run.failed";
    public static final String RUN_TIMED_OUT = "run.timed_out";
    public static final String RUN_CANCELLED = "run.cancelled";

    /** The data schema of every run event. */
    public static final String RUN_DATA = "webhook.data.run";

    /**
     * What an approval event carries when its action applies a run's patch ({@code artifact.apply}) rather
     * than writing a collection: a run's artifacts, owned like the run.
     */
    public static final String RUN_ARTIFACTS = "runs";

    public static final String APPROVAL_REQUESTED = "approval.requested";
    public static final String APPROVAL_APPROVED = "approval.approved";
    public static final String APPROVAL_REJECTED = "approval.rejected";
    public static final String APPROVAL_EXPIRED = "approval.expired";

    /** The data schema of every approval event (governed writes). */
    public static final String APPROVAL_DATA = "webhook.data.approval";

    /** A run's patch was published as a branch of a target repository by an {@code artifact.apply} execution. */
    public static final String ARTIFACT_APPLIED = "artifact.applied";

    /** The data schema of a publication event: what a run's owner (or a runs administrator) may read. */
    public static final String PUBLICATION_DATA = "webhook.data.publication";

    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String INCIDENT_RESOLVED = "incident.resolved";

    /** The data schema of every incident event. */
    public static final String INCIDENT_DATA = "webhook.data.incident";

    /** The data schema of the test event. */
    public static final String TEST_DATA = "webhook.data.test";

    static final List<EventType> PLATFORM = List.of(
            new EventType(
                    CREDENTIAL_EXPIRING, 1, "A credential entered its reminder window before expiry", CREDENTIAL_DATA),
            new EventType(CREDENTIAL_REVOKED, 1, "A credential was revoked", CREDENTIAL_DATA),
            new EventType(
                    RUN_SUCCEEDED,
                    1,
                    "An agent task run succeeded (its outcome says whether it changed anything)",
                    RUN_DATA),
            new EventType(RUN_FAILED, 1, "An agent task run failed", RUN_DATA),
            new EventType(RUN_TIMED_OUT, 1, "An agent task run timed out", RUN_DATA),
            new EventType(RUN_CANCELLED, 1, "An agent task run was cancelled", RUN_DATA),
            new EventType(APPROVAL_REQUESTED, 1, "A governed action's approval was requested", APPROVAL_DATA),
            new EventType(APPROVAL_APPROVED, 1, "A governed action's approval was granted", APPROVAL_DATA),
            new EventType(APPROVAL_REJECTED, 1, "A governed action's approval was rejected", APPROVAL_DATA),
            new EventType(APPROVAL_EXPIRED, 1, "A governed action's approval expired undecided", APPROVAL_DATA),
            new EventType(
                    ARTIFACT_APPLIED,
                    1,
                    "A run's patch was published as the branch agentry/<run-id> of a target repository",
                    PUBLICATION_DATA),
            new EventType(
                    INCIDENT_OPENED,
                    1,
                    "An incident opened: a signal crossed its warn or critical threshold",
                    INCIDENT_DATA),
            new EventType(INCIDENT_RESOLVED, 1, "An incident resolved: its signal fell below warn", INCIDENT_DATA),
            new EventType(TEST, 1, "Sent on request to one subscription, to check the receiver", TEST_DATA));

    public static final List<EventType> ALL = Stream.concat(
                    CatalogCollections.ALL.stream().flatMap(EventCatalog::changeTypes), PLATFORM.stream())
            .toList();

    private static final Map<String, EventType> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private static final Map<String, CollectionDescriptor> COLLECTION_OF = CatalogCollections.ALL.stream()
            .flatMap(c -> changeTypes(c).map(t -> Map.entry(t.type(), c)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private EventCatalog() {}

    public static Optional<EventType> named(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The collection whose change an event type announces, e.g. orders for {@code order.created}. */
    public static Optional<CollectionDescriptor> collectionOf(String type) {
        return Optional.ofNullable(COLLECTION_OF.get(type));
    }

    /** The event type of a catalog change, e.g. {@code order.created} for a create in orders. */
    public static String ofChange(CollectionDescriptor collection, String action) {
        return collection.itemName() + "." + action + "d";
    }

    /**
     * Whether {@code pattern} selects {@code type}: the type itself, {@code <prefix>.*} for every
     * type under a prefix, or {@code *} for all.
     */
    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*") || pattern.equals(type)) {
            return true;
        }
        return pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    /** Whether any known type matches {@code pattern}. */
    public static boolean selectsAny(String pattern) {
        return ALL.stream().anyMatch(t -> matches(pattern, t.type()));
    }

    private static Stream<EventType> changeTypes(CollectionDescriptor collection) {
        return Stream.of("create", "update", "delete")
                .map(action -> new EventType(
                        ofChange(collection, action),
                        1,
                        "A record in " + collection.name() + " was " + action + "d",
                        CHANGE_DATA));
    }
}
