package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Firehose while no credential declares interests, targeted once any does. */
class RoutingRuleTest {

    private static final List<String> ORDERS = List.of("order.*");

    @Test
    void firehoseDeliversEveryEventToEverySubscription() {
        assertTrue(RoutingRule.selects("entry.updated", null, 1, ORDERS, List.of(), false));
        assertTrue(RoutingRule.selects("order.created", null, 1, ORDERS, List.of(), false));
    }

    @Test
    void targetedNeedsTheSubscriptionAndTheCredentialsInterestsToSelectTheType() {
        assertTrue(RoutingRule.selects("order.created", null, 1, ORDERS, List.of("order.created"), true));
        assertFalse(RoutingRule.selects("order.updated", null, 1, ORDERS, List.of("order.created"), true));
        assertFalse(RoutingRule.selects("entry.updated", null, 1, ORDERS, List.of("*"), true));
        assertFalse(RoutingRule.selects("order.created", null, 1, ORDERS, List.of(), true), "no interests, nothing");
    }

    @Test
    void anEventForOneSubscriptionGoesToItAlone() {
        assertTrue(RoutingRule.selects("webhook.test", 7L, 7, ORDERS, List.of(), true));
        assertFalse(RoutingRule.selects("webhook.test", 7L, 8, ORDERS, List.of("*"), false));
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
    }
}
