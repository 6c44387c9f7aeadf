package dev.agentry.api.imports;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.catalog.CatalogImports;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Catalog imports: a JSON-lines or CSV file in, run as the catalog-import batch job (SPEC section 11). */
@Path("/imports")
@RequestScoped
@RolesAllowed("operations:run")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "operations", stability = Stability.BETA)
public class ImportsResource {

    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    /** The answer to starting or restarting an import: the execution to follow at the Location given. */
    public record ImportStarted(@NotNull JobExecutionView execution) {}

    @Inject
    CatalogImports imports;

    @Context
    UriInfo uri;

    @POST
    // Any type reaches the method, so a caller without the scope hears 401/403 before 415.
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import records into the catalog",
            description = "One record per line: JSON objects (application/x-ndjson) or CSV with a header row"
                    + " (text/csv); each names its collection. Bad lines are skipped and reported.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "202",
            description = "Started, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportStarted.class)))
    public Response start(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream file) {
        String type = contentType == null ? "" : contentType.toLowerCase().strip();
        CatalogImports.Format format;
        if (type.startsWith(CSV)) {
            format = CatalogImports.Format.CSV;
        } else if (type.startsWith(JSON_LINES)) {
            format = CatalogImports.Format.JSON_LINES;
        } else {
            throw new AgentryException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "An import is " + JSON_LINES + " or " + CSV + ".");
        }
        JobExecutionView execution = imports.start(file, format);
        return Response.accepted(new ImportStarted(execution))
                .location(uri.getAbsolutePathBuilder()
                        .path(Long.toString(execution.executionId()))
                        .build())
                .build();
    }

    @GET
    @Operation(summary = "The newest imports first, the demo catalog's among them")
    public Page<JobExecutionView> recent(@QueryParam("limit") PageLimit limit) {
        return imports.recent((limit == null ? PageLimit.STANDARD : limit).value());
    }

    @POST
    @Path("{executionId}/stop")
    @Operation(summary = "Stop a running import after its current chunk; restart resumes it")
    public JobExecutionView stop(@PathParam("executionId") long executionId) {
        return imports.stop(executionId);
    }

    @POST
    @Path("{executionId}/restart")
    @Operation(
            summary = "Restart a stopped or failed import",
            description = "A new execution on the same file resumes after the last committed chunk, so no"
                    + " record is imported twice.")
    @APIResponse(
            responseCode = "202",
            description = "Restarted as a new execution, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportStarted.class)))
    public Response restart(@PathParam("executionId") long executionId) {
        JobExecutionView execution = imports.restart(executionId);
        return Response.accepted(new ImportStarted(execution))
                .location(uri.getBaseUriBuilder()
                        .path(ImportsResource.class)
                        .path(Long.toString(execution.executionId()))
                        .build())
                .build();
    }

    @GET
    @Path("{executionId}")
    @Operation(summary = "An import's status, counts and the lines it skipped with why")
    public CatalogImports.ImportReport report(@PathParam("executionId") long executionId) {
        return imports.report(executionId);
    }
}
