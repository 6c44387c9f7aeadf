package dev.agentry.core.webhooks;

/**
 * A subscription with its signing secret, returned exactly once: when it is created or its secret
 * rotated.
 */
public record SubscriptionSecret(SubscriptionView subscription, String secret) {}
