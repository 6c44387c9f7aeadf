package dev.agentry.api.credentials;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.ValidatedAs;
import dev.agentry.api.starterpacks.AppliesStarterPacks;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
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

/**
 * Credential management for automation. {@code clientSecret} appears only in the answers to create
 * and rotate; store it then, it is never shown again. Bounded by the grant ceiling: a caller grants
 * only scopes it holds, sees and acts on only credentials within its own scopes, and never changes its
 * own scopes, event interests, allowlist or expiry ({@code 403 scope_denied}, naming the scopes).
 */
@Path("/credentials")
@RequestScoped
@RolesAllowed("credentials:manage")
@ApiSurface(value = "credential-controls", stability = Stability.STABLE)
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    @Inject
    CredentialService credentials;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a credential; the answer holds its secret, shown this once",
            description = "starterPack (a /starter-packs id) fills scopes, eventInterests, ttlDays and reminderDays"
                    + " where the body leaves them out; what the body gives wins, and the grant ceiling applies.")
    @APIResponse(
            responseCode = "201",
            description = "Created, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CredentialView.class)))
    @AppliesStarterPacks
    public Response create(@ValidatedAs(Creation.class) CredentialRequest body) {
        CredentialView created = credentials.create(caller.grant(), body);
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "Every credential, newest first")
    public Page<CredentialView> list() {
        return Page.whole(credentials.list(caller.grant()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One credential")
    public CredentialView find(@PathParam("id") String id) {
        return credentials.find(caller.grant(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the given fields; ttlDays null means never expires")
    @APIResponse(responseCode = "200", description = "The changed credential")
    @APIResponse(responseCode = "409", description = "The credential is revoked (conflict)")
    public CredentialView change(@PathParam("id") String id, CredentialRequest body) {
        return credentials.change(caller.grant(), id, body);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a credential; its tokens stop working")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        credentials.delete(caller.grant(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate")
    @Operation(summary = "New secret, shown this once; the old one works until previousSecretValidUntil")
    @APIResponse(responseCode = "200", description = "The credential with its new secret")
    @APIResponse(responseCode = "409", description = "The credential is revoked (conflict)")
    public CredentialView rotate(@PathParam("id") String id) {
        return credentials.rotate(caller.grant(), id);
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause: its tokens are refused within seconds")
    @APIResponse(responseCode = "200", description = "The paused credential")
    @APIResponse(responseCode = "409", description = "The credential is revoked (conflict)")
    public CredentialView pause(@PathParam("id") String id) {
        return credentials.pause(caller.grant(), id);
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused credential")
    @APIResponse(responseCode = "200", description = "The resumed credential")
    @APIResponse(responseCode = "409", description = "The credential is revoked (conflict)")
    public CredentialView resume(@PathParam("id") String id) {
        return credentials.resume(caller.grant(), id);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke for good")
    public CredentialView revoke(@PathParam("id") String id) {
        return credentials.revoke(caller.grant(), id);
    }
}
