package dev.agentry.core.audit;

import java.time.Instant;

/**
 * A refused or failed call the trail recorded, fired as a CDI event so incident handling can count
 * what the trail records without the trail knowing about incidents.
 *
 * @param credentialId the verified caller, or null
 * @param errorCode the stable code the call was answered with
 * @param occurredAt when
 */
public record CallAudited(String credentialId, String errorCode, Instant occurredAt) {}
