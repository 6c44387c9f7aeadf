package dev.agentry.core.webhooks;

import java.util.List;

/**
 * Which subscriptions an event goes to (SPEC section 8). Firehose while no credential declares event
 * interests: every subscription gets every event. Targeted once any credential declares some: a
 * subscription gets an event its own event types and its credential's interests both select. An
 * event aimed at one subscription ({@code webhook.test}) goes to that one alone.
 */
final class RoutingRule {

    private RoutingRule() {}

    /**
     * @param target the one subscription the event is for, or {@code null}
     * @param targeted whether any credential declares event interests
     */
    static boolean selects(
            String eventType,
            Long target,
            long subscriptionId,
            List<String> subscriptionTypes,
            List<String> ownerInterests,
            boolean targeted) {
        if (target != null) {
            return target == subscriptionId;
        }
        if (!targeted) {
            return true;
        }
        return subscriptionTypes.stream().anyMatch(p -> EventCatalog.matches(p, eventType))
                && ownerInterests.stream().anyMatch(p -> EventCatalog.matches(p, eventType));
    }
}
