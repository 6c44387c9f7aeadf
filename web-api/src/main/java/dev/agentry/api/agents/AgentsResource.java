package dev.agentry.api.agents;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.request.ValidatedAs;
import dev.agentry.core.agents.AgentJson;
import dev.agentry.core.agents.AgentRegistry;
import dev.agentry.core.agents.AgentRequest;
import dev.agentry.core.agents.Agents;
import dev.agentry.core.agents.RegisteredAgent;
import dev.agentry.core.validation.Creation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Agent definitions (SPEC section 9): from startup code, declarative files and this API. */
@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@ApiSurface(value = "agents", stability = Stability.BETA)
public class AgentsResource {

    @Inject
    Agents agents;

    @Inject
    AgentRegistry registry;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(
            summary = "Every agent, by slug, with where it was defined",
            description = "rejected lists definitions that were not registered (a duplicate slug, a bad file) and why.")
    public JsonObject list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        agents.list().forEach(agent -> data.add(AgentJson.write(agent)));
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        registry.rejected()
                .forEach(r -> rejected.add(
                        Json.createObjectBuilder().add("origin", r.origin()).add("reason", r.reason())));
        return Json.createObjectBuilder()
                .add("data", data)
                .add("rejected", rejected)
                .build();
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(summary = "One agent definition")
    public JsonObject one(@PathParam("slug") String slug) {
        return AgentJson.write(agents.get(slug));
    }

    @POST
    @RolesAllowed("agents:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an agent",
            description = "Body agentry/agent/v1. A slug already registered (by startup code, a file or the API) is"
                    + " a conflict naming where the first came from.")
    public Response register(@ValidatedAs(Creation.class) AgentRequest body) {
        RegisteredAgent agent = agents.register(body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(agent.definition().slug())
                        .build())
                .entity(AgentJson.write(agent))
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
    public JsonObject update(@PathParam("slug") String slug, AgentRequest patch) {
        return AgentJson.write(agents.update(slug, patch));
    }
}
