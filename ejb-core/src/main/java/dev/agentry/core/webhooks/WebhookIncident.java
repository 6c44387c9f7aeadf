package dev.agentry.core.webhooks;

/**
 * A signal that a delivery was given up on, fired as a CDI event for incident handling to observe.
 *
 * @param subscriptionId the subscription's id
 * @param eventId the event's id, as in {@code webhook-id}
 * @param reason why it was given up
 */
record WebhookIncident(String subscriptionId, String eventId, String reason) {}
