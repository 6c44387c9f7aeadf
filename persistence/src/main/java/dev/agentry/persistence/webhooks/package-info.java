/** Webhook subscriptions, the event outbox, deliveries with their attempts, and dead letters. */
package dev.agentry.persistence.webhooks;
