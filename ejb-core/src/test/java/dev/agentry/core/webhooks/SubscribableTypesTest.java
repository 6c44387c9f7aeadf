package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.GrantableScope;
import dev.agentry.core.policy.ScopeCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may own a subscription, and what it may name: event types that its credential's grant lets reach it. */
class SubscribableTypesTest {

    private static final Grant TAGS = new Grant("c1", Set.of("webhooks:manage", "tags:read"));
    private static final Grant NOTHING = new Grant("c2", Set.of("webhooks:manage"));

    @Test
    void onlyACredentialThatManagesWebhooksOwnsASubscription() {
        assertTrue(WebhookSubscriptions.managerRefusal(List.of("webhooks:manage", "tags:read"))
                .isEmpty());
        assertEquals(
                "credentialId:not_allowed",
                WebhookSubscriptions.managerRefusal(List.of("tags:read"))
                        .map(e -> e.field() + ":" + e.code())
                        .orElseThrow());
    }

    @Test
    void aCollectionsEventsNeedItsReadScope() {
        assertTrue(WebhookSubscriptions.withinGrant("tag.*", TAGS));
        assertTrue(WebhookSubscriptions.withinGrant("tag.created", TAGS));
        assertFalse(WebhookSubscriptions.withinGrant("tag.*", NOTHING));
        assertFalse(WebhookSubscriptions.withinGrant("order.created", TAGS));
    }

    @Test
    void incidentsNeedIncidentsReadAndApprovalsSomethingTheyCarry() {
        assertFalse(WebhookSubscriptions.withinGrant("incident.opened", TAGS));
        assertTrue(WebhookSubscriptions.withinGrant(
                "incident.*", new Grant("c3", Set.of("webhooks:manage", "incidents:read"))));
        assertTrue(WebhookSubscriptions.withinGrant("approval.requested", TAGS));
        assertFalse(WebhookSubscriptions.withinGrant("approval.requested", NOTHING));
    }

    @Test
    void itsOwnRunsCredentialAndTestEventsReachEveryCredential() {
        assertTrue(WebhookSubscriptions.withinGrant("run.failed", NOTHING));
        assertTrue(WebhookSubscriptions.withinGrant("credential.expiring", NOTHING));
        assertTrue(WebhookSubscriptions.withinGrant("webhook.test", NOTHING));
        assertTrue(WebhookSubscriptions.withinGrant("*", NOTHING), "a pattern selecting one receivable type");
    }

    @Test
    void everyPublishedTypeReachesSomeGrantAndPublicationsNeedArtifactsRead() {
        Grant everything = new Grant(
                "c4", ScopeCatalog.ALL.stream().map(GrantableScope::scope).collect(Collectors.toSet()));
        for (EventType type : EventCatalog.ALL) {
            assertTrue(WebhookSubscriptions.withinGrant(type.type(), everything), type.type());
        }
        assertFalse(WebhookSubscriptions.withinGrant("artifact.applied", TAGS));
        assertTrue(WebhookSubscriptions.withinGrant(
                "artifact.*", new Grant("c5", Set.of("webhooks:manage", "artifacts:read"))));
    }
}
