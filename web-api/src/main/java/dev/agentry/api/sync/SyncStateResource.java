package dev.agentry.api.sync;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.sync.CheckpointRequest;
import dev.agentry.core.sync.CheckpointView;
import dev.agentry.core.sync.ConsumerLag;
import dev.agentry.core.sync.LagHistory;
import dev.agentry.core.sync.LagSnapshotView;
import dev.agentry.core.sync.SyncStateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Consumers' checkpoints in the changes feed and their lag (SPEC section 6). */
@Path("/sync-state")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
public class SyncStateResource {

    @Inject
    SyncStateService syncState;

    @Inject
    Caller caller;

    @GET
    @Path("checkpoint")
    @RolesAllowed("syncstate:read")
    @Operation(summary = "The calling credential's checkpoint for a consumer and resource type")
    public CheckpointView checkpoint(
            @QueryParam("consumer") String consumer, @QueryParam("resourceType") String resourceType) {
        return syncState.find(caller.credentialId(), consumer, resourceType);
    }

    @PUT
    @Path("checkpoint")
    @RolesAllowed("syncstate:write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a checkpoint: {consumer, resourceType, cursor (from /changes), metadata}")
    public CheckpointView store(CheckpointRequest request) {
        return syncState.store(caller.grant(), request);
    }

    @Inject
    LagHistory lagHistory;

    @GET
    @Path("lag")
    @RolesAllowed("syncstate:read")
    @Operation(summary = "Per checkpoint: changes and seconds behind, computed now; worst first")
    public Page<ConsumerLag> lag() {
        return Page.whole(syncState.lag(caller.grant()));
    }

    @GET
    @Path("lag/history")
    @RolesAllowed("syncstate:read")
    @Operation(summary = "The caller's checkpoints' lag as the sync-state job snapshotted it, newest first")
    public Page<LagSnapshotView> lagHistory(
            @Parameter(description = "A consumer's name") @QueryParam("consumer") String consumer,
            @Parameter(description = "A collection's name") @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Only snapshots taken at or after this ISO-8601 instant") @QueryParam("since")
                    Instant since,
            @BeanParam Paging paging) {
        return lagHistory.history(
                caller.grant(), consumer, resourceType, since, paging.limit().value(), paging.cursor());
    }
}
