package dev.agentry.api.starterpacks;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.starterpacks.StarterPack;
import dev.agentry.core.starterpacks.StarterPackCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What common integrations need, for whoever creates their credentials or reads the contracts. */
@Path("/starter-packs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
@RolesAllowed({"credentials:manage", "schema:read"})
public class StarterPacksResource {

    @Inject
    StarterPackCatalog packs;

    @GET
    @Operation(summary = "Every starter pack: scopes, event interests, templates, recommended TTL, allowlist and rate")
    public Page<StarterPack> list() {
        return Page.whole(packs.all());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One starter pack")
    public StarterPack pack(@PathParam("id") String id) {
        return packs.named(id).orElseThrow(() -> AgentryException.notFound("There is no starter pack " + id + "."));
    }
}
