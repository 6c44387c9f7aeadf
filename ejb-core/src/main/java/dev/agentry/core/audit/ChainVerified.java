package dev.agentry.core.audit;

import java.time.Instant;

/**
 * The outcome of a verification of the whole audit chain, fired as a CDI event: a broken chain is a
 * level that stays until a later verification succeeds.
 *
 * @param valid whether every link verified
 * @param verifiedAt when
 */
public record ChainVerified(boolean valid, Instant verifiedAt) {}
