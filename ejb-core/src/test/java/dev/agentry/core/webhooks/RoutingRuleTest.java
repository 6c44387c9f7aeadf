package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.webhooks.RoutingRule.RoutedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A subscription gets an event only if its own event types, its credential's scopes (what the event
 * carries) and — where declared — its credential's interests all select it. Before issue 13, while no
 * credential declared interests, every subscription got every event ("firehose"): these tests assert
 * the rule that replaced it.
 */
class RoutingRuleTest {

    private static final List<String> ORDERS = List.of("order.*");
    private static final List<String> EVERYTHING = List.of("*");
    private static final List<String> NO_INTERESTS = List.of();
    private static final Grant ORDER_READER = new Grant("c1", Set.of("orders:read"));

    @Test
    void aSubscriptionsOwnEventTypesAlwaysSelectWithOrWithoutInterests() {
        assertTrue(selects(change("order.created"), ORDERS, NO_INTERESTS, ORDER_READER));
        assertFalse(selects(change("order.created"), List.of("entry.*"), NO_INTERESTS, reader("entries", "orders")));
        assertFalse(
                selects(change("entry.updated"), ORDERS, NO_INTERESTS, reader("entries", "orders")),
                "no interests declared is no longer everything");
        assertFalse(selects(change("entry.updated"), ORDERS, List.of("*"), reader("entries", "orders")));
    }

    @Test
    void declaredInterestsSelectToo() {
        assertTrue(selects(change("order.created"), ORDERS, List.of("order.created"), ORDER_READER));
        assertFalse(selects(change("order.updated"), ORDERS, List.of("order.created"), ORDER_READER));
    }

    @Test
    void aChangeReachesOnlyHoldersOfItsCollectionsReadScope() {
        assertTrue(selects(change("order.created"), EVERYTHING, NO_INTERESTS, ORDER_READER));
        assertFalse(selects(change("user.created"), EVERYTHING, NO_INTERESTS, ORDER_READER));
        assertFalse(selects(change("user.created"), EVERYTHING, List.of("user.*"), ORDER_READER), "targeted too");
        assertFalse(selects(change("order.created"), EVERYTHING, NO_INTERESTS, new Grant("c1", Set.of())));
    }

    @Test
    void personalDataIsRedactedWithoutTheSensitiveScope() {
        assertTrue(RoutingRule.redacts(reader("users"), "user.created"));
        assertFalse(RoutingRule.redacts(new Grant("c1", Set.of("users:read", "users:read_sensitive")), "user.updated"));
        assertTrue(
                RoutingRule.redacts(new Grant("c1", Set.of("donations:read")), "donation.created"),
                "no scope reveals a donor's email");
        assertFalse(RoutingRule.redacts(reader("tags"), "tag.created"), "nothing personal in a tag");
        assertFalse(RoutingRule.redacts(ORDER_READER, "run.succeeded"));
    }

    @Test
    void aRunsEndReachesItsOwnerAndRunsAdminsOnly() {
        RoutedEvent ended = about("run.failed", "owner");
        Grant owner = new Grant("owner", Set.of());
        Grant other = new Grant("other", Set.of("runs:read", "runs:write"));
        Grant admin = new Grant("admin", Set.of("runs:admin"));
        assertTrue(selects(ended, EVERYTHING, NO_INTERESTS, owner));
        assertFalse(selects(ended, EVERYTHING, NO_INTERESTS, other));
        assertTrue(selects(ended, List.of("run.*"), List.of("run.*"), admin));
        assertFalse(selects(about("run.failed", null), EVERYTHING, NO_INTERESTS, admin), "no owner known: no one");
    }

    @Test
    void aPublicationReachesOnlyArtifactReadersWhoReachTheRun() {
        RoutedEvent applied = about("artifact.applied", "owner");
        Grant owner = new Grant("owner", Set.of("artifacts:read"));
        Grant ownerBlind = new Grant("owner", Set.of("runs:read"));
        Grant other = new Grant("other", Set.of("artifacts:read", "runs:read", "runs:write"));
        Grant admin = new Grant("admin", Set.of("runs:admin", "artifacts:read"));
        Grant adminBlind = new Grant("admin", Set.of("runs:admin"));
        assertTrue(selects(applied, EVERYTHING, NO_INTERESTS, owner));
        assertTrue(selects(applied, List.of("artifact.*"), List.of("artifact.applied"), admin));
        assertFalse(selects(applied, EVERYTHING, NO_INTERESTS, other), "another credential's run");
        assertFalse(selects(applied, EVERYTHING, NO_INTERESTS, ownerBlind), "the owner without artifacts:read");
        assertFalse(selects(applied, EVERYTHING, NO_INTERESTS, adminBlind), "runs:admin without artifacts:read");
        assertFalse(selects(applied, List.of("run.*"), NO_INTERESTS, owner), "not a run's end");
        assertFalse(
                selects(about("artifact.applied", null), EVERYTHING, NO_INTERESTS, admin), "no owner known: no one");
        assertFalse(RoutingRule.redacts(owner, "artifact.applied"), "nothing personal in a publication");
    }

    @Test
    void aCredentialsEventReachesItselfAndManagersWhoseCeilingCoversIt() {
        RoutedEvent revoked = about("credential.revoked", "subject");
        Optional<Set<String>> subjectScopes = Optional.of(Set.of("orders:read", "users:read"));
        Grant itself = new Grant("subject", Set.of());
        Grant covering = new Grant("m1", Set.of("credentials:manage", "orders:read", "users:read"));
        Grant narrower = new Grant("m2", Set.of("credentials:manage", "orders:read"));
        Grant notManager = new Grant("m3", Set.of("orders:read", "users:read"));
        assertTrue(RoutingRule.selects(revoked, 1, EVERYTHING, NO_INTERESTS, itself, subjectScopes));
        assertTrue(RoutingRule.selects(revoked, 1, EVERYTHING, NO_INTERESTS, covering, subjectScopes));
        assertFalse(RoutingRule.selects(revoked, 1, EVERYTHING, NO_INTERESTS, narrower, subjectScopes));
        assertFalse(RoutingRule.selects(revoked, 1, EVERYTHING, NO_INTERESTS, notManager, subjectScopes));
        assertFalse(
                RoutingRule.selects(revoked, 1, EVERYTHING, NO_INTERESTS, covering, Optional.empty()),
                "a credential gone meanwhile: its ceiling cannot be checked, so only itself");
    }

    @Test
    void anEventForOneSubscriptionGoesToItAlone() {
        RoutedEvent test = new RoutedEvent(1, "webhook.test", 7L, Instant.EPOCH, null);
        assertTrue(RoutingRule.selects(test, 7, ORDERS, NO_INTERESTS, ORDER_READER, Optional.empty()));
        assertFalse(RoutingRule.selects(test, 8, EVERYTHING, List.of("*"), ORDER_READER, Optional.empty()));
        assertFalse(
                selects(
                        new RoutedEvent(1, "webhook.test", null, Instant.EPOCH, null),
                        EVERYTHING,
                        NO_INTERESTS,
                        ORDER_READER),
                "a test event is never broadcast");
    }

    @Test
    void patternsSelectTypesUnderTheirPrefixOnly() {
        assertTrue(EventCatalog.matches("order.*", "order.created"));
        assertFalse(EventCatalog.matches("order.*", "orders.created"));
        assertFalse(EventCatalog.matches("order.*", "order"));
        assertTrue(EventCatalog.matches("*", "tag.deleted"));
        assertTrue(EventCatalog.named("global-set.updated").isPresent());
        assertTrue(EventCatalog.named("address.created").isPresent());
        assertTrue(EventCatalog.named("category.deleted").isPresent());
        assertTrue(EventCatalog.collectionOf("global-set.updated")
                .filter(c -> c.name().equals("global-sets"))
                .isPresent());
        assertTrue(EventCatalog.collectionOf("run.failed").isEmpty());
    }

    private static boolean selects(RoutedEvent event, List<String> types, List<String> interests, Grant grant) {
        return RoutingRule.selects(event, 1, types, interests, grant, Optional.empty());
    }

    private static RoutedEvent change(String type) {
        return new RoutedEvent(1, type, null, Instant.EPOCH, null);
    }

    private static RoutedEvent about(String type, String subject) {
        return new RoutedEvent(1, type, null, Instant.EPOCH, subject);
    }

    private static Grant reader(String... collections) {
        return new Grant(
                "c1",
                java.util.Arrays.stream(collections)
                        .map(c -> c + ":read")
                        .collect(java.util.stream.Collectors.toSet()));
    }
}
