package dev.agentry.core.sync;

import dev.agentry.core.Boundary;
import dev.agentry.core.changes.ChangeFeed;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.sync.SyncCheckpoint;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Consumers' checkpoints in the changes feed (SPEC section 6), kept per credential, consumer name and
 * resource type, and their lag, always computed at read time so a stalled consumer looks worse the
 * longer it stalls.
 */
@Stateless
@Boundary
@ValidatedInput
public class SyncStateService {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    ChangeFeed feed;

    @Inject
    CatalogCollections collections;

    @Inject
    Clock clock;

    @Inject
    LagMeter meter;

    public CheckpointView find(String credentialId, String consumer, String resourceType) {
        validate(consumer, resourceType);
        return em.createNamedQuery("SyncCheckpoint.of", SyncCheckpoint.class)
                .setParameter("credentialId", credentialId)
                .setParameter("consumer", consumer)
                .setParameter("resourceType", resourceType)
                .getResultStream()
                .findFirst()
                .map(CheckpointView::of)
                .orElseThrow(() -> AgentryException.notFound("There is no checkpoint for consumer "
                        + FieldError.quoted(consumer) + " in " + resourceType + "."));
    }

    /**
     * Stores (or moves) the caller's checkpoint; the cursor must be one the changes feed issued, and
     * the resource type one the caller may read ({@code scope_denied} otherwise): a checkpoint's lag
     * counts that collection's changes.
     */
    /** Stores the checkpoint a request gives, as {@link #store(Grant, String, String, String, JsonObject)}. */
    public CheckpointView store(Grant grant, @Valid CheckpointRequest request) {
        return store(grant, request.consumer(), request.resourceType(), request.cursor(), request.metadata());
    }

    public CheckpointView store(Grant grant, String consumer, String resourceType, String cursor, JsonObject metadata) {
        validate(consumer, resourceType);
        CollectionDescriptor collection = collections.named(resourceType).orElseThrow();
        if (!grant.reads(collection)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED,
                    "A checkpoint in " + resourceType + " needs the " + collection.readScope() + " scope.");
        }
        String credentialId = grant.credentialId();
        if (cursor == null || cursor.isBlank()) {
            throw invalid("cursor", "required", "cursor is required: a cursor from /changes");
        }
        long position = feed.positionOf(cursor);
        String text = metadata == null ? null : metadata.toString();
        if (text != null && text.length() > Metadata.MAX_CHARS) {
            throw invalid("metadata", "too_long", "metadata must be at most " + Metadata.MAX_CHARS + " characters");
        }
        SyncCheckpoint checkpoint = em
                .createNamedQuery("SyncCheckpoint.of", SyncCheckpoint.class)
                .setParameter("credentialId", credentialId)
                .setParameter("consumer", consumer)
                .setParameter("resourceType", resourceType)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        if (checkpoint == null) {
            checkpoint = new SyncCheckpoint(credentialId, consumer, resourceType);
            checkpoint.advance(cursor.strip(), position, text, clock.instant());
            em.persist(checkpoint);
        } else {
            checkpoint.advance(cursor.strip(), position, text, clock.instant());
        }
        return CheckpointView.of(checkpoint);
    }

    /**
     * Every checkpoint of the caller's credential with its lag, worst first: only of collections the
     * caller may read now, since how many changes a collection had and when is its data too.
     */
    public List<ConsumerLag> lag(Grant grant) {
        Instant now = clock.instant();
        List<ConsumerLag> lags = new ArrayList<>();
        for (SyncCheckpoint checkpoint : em.createNamedQuery("SyncCheckpoint.ofCredential", SyncCheckpoint.class)
                .setParameter("credentialId", grant.credentialId())
                .getResultList()) {
            if (collections
                    .named(checkpoint.getResourceType())
                    .filter(grant::reads)
                    .isEmpty()) {
                continue;
            }
            lags.add(meter.lag(checkpoint, now));
        }
        lags.sort(Comparator.comparingLong(ConsumerLag::secondsBehind)
                .thenComparingLong(ConsumerLag::changesBehind)
                .reversed());
        return lags;
    }

    private void validate(String consumer, String resourceType) {
        List<FieldError> errors = new ArrayList<>();
        if (consumer == null || !consumer.matches("[A-Za-z0-9._:-]{1,100}")) {
            errors.add(new FieldError(
                    "consumer", "invalid", "consumer must be 1-100 letters, digits, '.', '_', ':' or '-'"));
        }
        if (resourceType == null || collections.named(resourceType).isEmpty()) {
            errors.add(new FieldError(
                    "resourceType", "unknown_type", "resourceType must be a collection name; see /capabilities"));
        }
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
    }

    private static AgentryException invalid(String field, String code, String message) {
        return AgentryException.validation(List.of(new FieldError(field, code, message)));
    }
}
