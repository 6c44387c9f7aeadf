package dev.agentry.core.sync;

import java.time.Instant;

/**
 * A checkpoint's lag became critical, as a snapshot of the sync-state job found it: fired for whoever opens
 * incidents on it. Fired once per breach, when the status enters {@code critical}.
 *
 * @param credentialId the checkpoint's credential
 * @param consumer the consumer's name
 * @param resourceType the collection it follows
 * @param secondsBehind how far behind it was
 * @param at when the snapshot was taken
 */
public record LagBreached(String credentialId, String consumer, String resourceType, long secondsBehind, Instant at) {}
