package dev.agentry.api.control;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.request.ValidatedAs;
import dev.agentry.core.control.Policies;
import dev.agentry.core.control.PolicyRequest;
import dev.agentry.core.control.PolicyView;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.validation.Creation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The policies that govern actions: the most specific pattern wins; with none, one approver is needed. */
@Path("/control/policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "control", stability = Stability.EXPERIMENTAL, flag = GovernedWrites.KEY)
public class ControlPoliciesResource {

    @Inject
    Policies policies;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed("control:policies:read")
    @Operation(summary = "Every policy, by pattern")
    public Page<PolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed("control:policies:read")
    @Operation(summary = "One policy")
    public PolicyView one(@PathParam("id") long id) {
        return policies.find(id);
    }

    @POST
    @RolesAllowed("control:policies:write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a policy",
            description = "Body {pattern, requiresApproval, risk, approvers, approvalTtl, maxPerHour}; audited.")
    @APIResponse(
            responseCode = "201",
            description = "Created, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PolicyView.class)))
    public Response create(@ValidatedAs(Creation.class) PolicyRequest request) {
        PolicyView created = policies.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("control:policies:write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a policy: what the body gives; audited")
    public PolicyView change(@PathParam("id") long id, PolicyRequest request) {
        return policies.change(id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("control:policies:write")
    @Operation(summary = "Delete a policy; audited")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        policies.delete(id);
    }
}
