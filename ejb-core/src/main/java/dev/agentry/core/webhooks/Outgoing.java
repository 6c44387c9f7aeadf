package dev.agentry.core.webhooks;

import java.util.List;

/**
 * A leased delivery ready to send, read in the lease's transaction so sending needs no database.
 *
 * @param attemptsMade attempts before this one
 */
record Outgoing(
        long deliveryId,
        long subscriptionId,
        String eventId,
        String url,
        String body,
        List<String> secrets,
        int attemptsMade) {}
