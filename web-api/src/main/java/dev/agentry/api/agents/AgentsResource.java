package dev.agentry.api.agents;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.ValidatedAs;
import dev.agentry.core.agents.AgentRequest;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.agents.Agents;
import dev.agentry.core.cursor.Page;
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

/** Agent definitions (SPEC section 9): from startup code, declarative files and this API. */
@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "agents", stability = Stability.BETA)
public class AgentsResource {

    @Inject
    Agents agents;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(
            summary = "Every agent, by slug, with where it was defined",
            description = "rejected lists definitions that were not registered (a duplicate slug, a bad file) and why.")
    public AgentView.Listing list() {
        return AgentView.Listing.of(Page.whole(agents.list()), agents.rejected());
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(summary = "One agent definition")
    public AgentView one(@PathParam("slug") String slug) {
        return agents.get(slug);
    }

    @POST
    @RolesAllowed("agents:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an agent",
            description = "Body agentry/agent/v1. A slug already registered (by startup code, a file or the API) is"
                    + " a conflict naming where the first came from.")
    @APIResponse(
            responseCode = "201",
            description = "Registered, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "409", description = "The slug is already registered (conflict)")
    public Response register(@ValidatedAs(Creation.class) AgentRequest body) {
        AgentView agent = agents.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(agent.slug()).build())
                .entity(agent)
                .build();
    }

    @PATCH
    @Path("{slug}")
    @RolesAllowed("agents:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an agent registered through the API",
            description = "Members given replace the current ones; agents from startup code or files change where"
                    + " they are defined (conflict).")
    @APIResponse(responseCode = "200", description = "The changed agent")
    @APIResponse(responseCode = "409", description = "The agent is defined in startup code or a file (conflict)")
    public AgentView update(@PathParam("slug") String slug, AgentRequest patch) {
        return agents.update(slug, patch);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("agents:manage")
    @Operation(
            summary = "Delete an agent registered through the API, with its memory and sessions",
            description = "Its ended runs stay (their owners' evidence). An agent from startup code or a file, or one"
                    + " with runs not yet ended, is a conflict; one whose permission ceiling holds scopes the caller"
                    + " lacks is scope_denied.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "Defined in startup code or a file, or has runs not yet ended (conflict)")
    public Response delete(@PathParam("slug") String slug) {
        agents.delete(caller.grant(), slug);
        return Response.noContent().build();
    }
}
