/**
 * Webhooks (SPEC section 8): subscriptions, the event catalog, the transactional outbox, signed
 * delivery with retries, and the dead-letter queue with replay.
 */
package dev.agentry.core.webhooks;
