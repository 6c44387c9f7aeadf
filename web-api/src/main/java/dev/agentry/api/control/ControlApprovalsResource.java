package dev.agentry.api.control;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.control.ApprovalRequest;
import dev.agentry.core.control.ApprovalStatus;
import dev.agentry.core.control.ApprovalView;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.DecisionRequest;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.GovernedWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Approvals of governed actions: request, read, decide. A request belongs to the credential that made
 * it; deciders see every request of the collections they read; nobody decides their own.
 */
@Path("/control/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "control", stability = Stability.EXPERIMENTAL, flag = GovernedWrites.KEY)
public class ControlApprovalsResource {

    @Inject
    Approvals approvals;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("control:approvals:request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Request approval of one action with one input",
            description = "Body {action, input, reason}. The approval is bound to this action and the hash of this"
                    + " input, expires at its policy's TTL and is used once. Emits approval.requested.")
    @APIResponse(
            responseCode = "201",
            description = "Requested, pending, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovalView.class)))
    public Response request(ApprovalRequest request) {
        ApprovalView created = approvals.request(caller.grant(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({"control:approvals:request", "control:approvals:decide"})
    @Operation(
            summary = "Approvals, newest first, by status and action, a page at a time",
            description = "The caller's own requests; with control:approvals:decide, every request. Only of"
                    + " collections the caller reads.")
    public Page<ApprovalView> list(
            @Parameter(description = "Only approvals with this status as of now") @QueryParam("status")
                    ApprovalStatus status,
            @Parameter(description = "An action's name, e.g. entry.update") @QueryParam("action") String action,
            @BeanParam Paging paging) {
        return approvals.list(caller.grant(), status, blankless(action), paging.limit(), paging.cursor());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"control:approvals:request", "control:approvals:decide"})
    @Operation(summary = "One approval, with its status as of now and every decision")
    public ApprovalView one(@PathParam("id") String id) {
        return approvals.find(caller.grant(), id);
    }

    @POST
    @Path("{id}/decide")
    @RolesAllowed("control:approvals:decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve or reject a pending approval",
            description = "Body {decision: approve|reject, comment}. The requester never decides its own request;"
                    + " dual control needs two distinct approvers. Emits approval.approved or approval.rejected.")
    public ApprovalView decide(@PathParam("id") String id, DecisionRequest decision) {
        return approvals.decide(caller.grant(), id, decision);
    }
}
