/** The webhooks page: a credential's subscriptions, their deliveries, and its dead-letter queue. */
package dev.agentry.admin.webhooks;
