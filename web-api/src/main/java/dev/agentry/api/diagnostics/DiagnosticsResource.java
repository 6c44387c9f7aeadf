package dev.agentry.api.diagnostics;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.diagnostics.DiagnosticRun;
import dev.agentry.core.diagnostics.DiagnosticsService;
import dev.agentry.core.jobs.JobExecutionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Runs of the diagnostics batch job: an operator's end-to-end check that the batch runtime, its
 * persistent job repository and the application's database work together.
 */
@Path("/diagnostics")
@RequestScoped
@RolesAllowed("operations:run")
@ApiSurface(value = "operations", stability = Stability.BETA)
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {

    /**
     * What to start a run with.
     *
     * @param note an optional note (at most 200 characters) stored with what the job records
     */
    public record StartRequest(String note) {}

    private static final int DEFAULT_LIMIT = 20;

    @Inject
    DiagnosticsService diagnostics;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a diagnostics run; it completes asynchronously")
    @APIResponse(
            responseCode = "202",
            description = "Started; poll the Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DiagnosticRun.class)))
    public Response start(StartRequest request) {
        JobExecutionView execution = diagnostics.start(request == null ? null : request.note());
        return Response.accepted(new DiagnosticRun(execution, null))
                .location(uriInfo.getAbsolutePathBuilder()
                        .path(Long.toString(execution.executionId()))
                        .build())
                .build();
    }

    @GET
    @Operation(summary = "The newest diagnostics runs, newest first")
    public Page<DiagnosticRun> recent(
            @Parameter(
                            description = "How many, newest first",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + DiagnosticsService.MAX_LISTED,
                                            defaultValue = "" + DEFAULT_LIMIT))
                    @QueryParam("limit")
                    Integer limit) {
        return diagnostics.recent(limit == null ? DEFAULT_LIMIT : limit);
    }

    @GET
    @Path("{executionId}")
    @Operation(summary = "One diagnostics run with what it recorded")
    public DiagnosticRun run(@PathParam("executionId") long executionId) {
        return diagnostics.find(executionId);
    }
}
