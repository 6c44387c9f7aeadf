package dev.agentry.api.agents;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.memory.AgentMemory;
import dev.agentry.core.memory.MemoryEntryView;
import dev.agentry.core.memory.MemoryLayer;
import dev.agentry.core.memory.MemoryPlace;
import dev.agentry.core.memory.MemoryWrite;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An agent's memory (SPEC section 9): the agent layer (shared by its runs), the caller's credential
 * layer, and the caller's sessions ({@code ?session=}). The owner of a layer is always the caller:
 * another credential's entries are out of reach by construction.
 */
@Path("/agents/{slug}/memory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "agents", stability = Stability.BETA)
public class AgentMemoryResource {

    @Inject
    AgentMemory memory;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(
            summary = "An agent's memory entries, by key",
            description = "layer is agent (default), credential (the caller's) or session (the caller's, with"
                    + " session=); prefix narrows the keys.")
    public Page<MemoryEntryView> list(
            @PathParam("slug") String slug,
            @QueryParam("layer") MemoryLayer layer,
            @QueryParam("session") String session,
            @QueryParam("prefix") String prefix,
            @BeanParam Paging paging) {
        return memory.list(place(slug, layer, session), prefix, paging.limit().value(), paging.cursor());
    }

    @GET
    @Path("{key}")
    @RolesAllowed({"agents:read", "agents:manage"})
    @Operation(summary = "One memory entry, with its hash (ETag)")
    @APIResponse(
            responseCode = "200",
            description = "The entry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemoryEntryView.class)))
    public Response one(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @QueryParam("layer") MemoryLayer layer,
            @QueryParam("session") String session) {
        MemoryEntryView entry = memory.read(place(slug, layer, session), key)
                .orElseThrow(() -> AgentryException.notFound("There is no memory entry with this key."));
        return Response.ok(entry).tag(entry.hash()).build();
    }

    @PUT
    @Path("{key}")
    @RolesAllowed("agents:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write a memory entry (compare-and-swap)",
            description = "Body {value, ifMatch}: ifMatch is the hash the entry must still have; without it the"
                    + " entry must not exist yet. A stale or missing hash is 409 conflict naming the current one.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemoryEntryView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemoryEntryView.class)))
    @APIResponse(responseCode = "409", description = "The entry is not at the hash given (conflict)")
    public Response write(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @QueryParam("layer") MemoryLayer layer,
            @QueryParam("session") String session,
            MemoryWrite body) {
        if (body == null || body.value() == null) {
            throw AgentryException.validation(
                    List.of(new FieldError("value", "required", "a body {value, ifMatch} with a value is required")));
        }
        AgentMemory.Written written =
                memory.write(place(slug, layer, session), key, body.value(), body.ifMatch(), caller.credentialId());
        return Response.status(written.created() ? 201 : 200)
                .entity(written.entry())
                .tag(written.entry().hash())
                .build();
    }

    @DELETE
    @Path("{key}")
    @RolesAllowed("agents:manage")
    @Operation(summary = "Delete a memory entry; with ifMatch only if it still has that hash")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @QueryParam("layer") MemoryLayer layer,
            @QueryParam("session") String session,
            @QueryParam("ifMatch") String ifMatch) {
        memory.delete(place(slug, layer, session), key, ifMatch);
        return Response.noContent().build();
    }

    /** The agent's own memory when no layer is named; a layer that is none is refused by {@code QueryValues}. */
    private MemoryPlace place(String slug, MemoryLayer layer, String session) {
        return MemoryPlace.of(layer == null ? MemoryLayer.AGENT : layer, slug, caller.credentialId(), session);
    }
}
