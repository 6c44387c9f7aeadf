/** The webhooks API: subscriptions, delivery history and the dead-letter queue (SPEC section 8). */
package dev.agentry.api.webhooks;
