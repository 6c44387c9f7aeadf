package dev.agentry.core.sync;

import java.time.Instant;

/**
 * A checkpoint whose lag was critical is no longer: fired once, for whoever resolves the incident a {@link
 * LagBreached} opened.
 *
 * @param credentialId the checkpoint's credential
 * @param consumer the consumer's name
 * @param resourceType the collection it follows
 * @param secondsBehind how far behind it is now
 * @param at when the snapshot was taken
 */
public record LagRecovered(String credentialId, String consumer, String resourceType, long secondsBehind, Instant at) {}
