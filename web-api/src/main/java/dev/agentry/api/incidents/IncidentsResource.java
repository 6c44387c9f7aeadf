package dev.agentry.api.incidents;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.incidents.IncidentService;
import dev.agentry.core.incidents.IncidentStatus;
import dev.agentry.core.incidents.IncidentView;
import dev.agentry.core.incidents.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Incidents opened and resolved from signals crossing their thresholds (SPEC section 6). */
@Path("/incidents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
public class IncidentsResource {

    @Inject
    IncidentService incidents;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed("incidents:read")
    @Operation(summary = "Incidents, open first, critical before warn, most recently updated first")
    public Page<IncidentView> list(
            @Parameter(description = "Only incidents of this severity") @QueryParam("severity") Severity severity,
            @Parameter(description = "Only open or only resolved incidents") @QueryParam("status")
                    IncidentStatus status,
            @QueryParam("limit") PageLimit limit) {
        return incidents.list(caller.grant(), severity, status, limit == null ? PageLimit.STANDARD : limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("incidents:read")
    @Operation(summary = "One incident with its history of transitions, newest first")
    public IncidentView incident(@PathParam("id") String id) {
        return incidents.find(caller.grant(), id);
    }
}
