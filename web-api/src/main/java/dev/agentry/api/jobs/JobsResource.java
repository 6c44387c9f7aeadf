package dev.agentry.api.jobs;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.jobs.JobExecutionDetail;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.jobs.JobStatus;
import dev.agentry.core.jobs.JobSummary;
import dev.agentry.core.operations.JobsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Batch jobs for operators (SPEC section 11): read them with {@code operations:read}; start, stop and
 * restart them with {@code operations:run}. Every start answers 202 with the new execution; it runs
 * asynchronously, and its Location is the execution to poll.
 */
@Path("/jobs")
@RequestScoped
@ApiSurface(value = "operations", stability = Stability.BETA)
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    /**
     * What to start a job with.
     *
     * @param parameters the job parameters, only those the job takes (at most 10, each at most 200 characters)
     */
    public record StartRequest(Map<String, String> parameters) {}

    @Inject
    JobsService jobs;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed("operations:read")
    @Operation(summary = "Every batch job with its description, schedule, next fire time and last execution")
    public Page<JobSummary> list() {
        return jobs.jobs(caller.grant());
    }

    @GET
    @Path("executions")
    @RolesAllowed("operations:read")
    @Operation(summary = "Job executions, newest first, by job, status and creation time")
    public Page<JobExecutionView> executions(
            @Parameter(description = "A job's name") @QueryParam("job") String job,
            @Parameter(description = "The executions' status") @QueryParam("status") JobStatus status,
            @Parameter(description = "Only executions created at or after this ISO-8601 instant") @QueryParam("since")
                    Instant since,
            @BeanParam Paging paging) {
        return jobs.executions(
                caller.grant(), job, status, since, paging.limit().value(), paging.cursor());
    }

    @GET
    @Path("executions/{executionId}")
    @RolesAllowed("operations:read")
    @Operation(summary = "One execution: parameters, status, exit status, steps with their metrics, failure redacted")
    public JobExecutionDetail execution(@PathParam("executionId") long executionId) {
        return jobs.execution(caller.grant(), executionId);
    }

    @POST
    @Path("{name}/start")
    @RolesAllowed("operations:run")
    @Operation(summary = "Start a job now; refused while an execution of an exclusive job runs")
    @APIResponse(
            responseCode = "202",
            description = "Started; poll the Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobExecutionView.class)))
    public Response start(@PathParam("name") String name, StartRequest request) {
        return accepted(jobs.start(caller.grant(), name, request == null ? null : request.parameters()));
    }

    @POST
    @Path("executions/{executionId}/stop")
    @RolesAllowed("operations:run")
    @Operation(summary = "Ask a running execution to stop at its next checkpoint")
    @APIResponse(
            responseCode = "202",
            description = "Stopping; poll the Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobExecutionView.class)))
    public Response stop(@PathParam("executionId") long executionId) {
        return accepted(jobs.stop(caller.grant(), executionId));
    }

    @POST
    @Path("executions/{executionId}/restart")
    @RolesAllowed("operations:run")
    @Operation(summary = "Restart a failed or stopped execution from its last checkpoint, as a new execution")
    @APIResponse(
            responseCode = "202",
            description = "Restarted; the Location is the new execution",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobExecutionView.class)))
    public Response restart(@PathParam("executionId") long executionId) {
        return accepted(jobs.restart(caller.grant(), executionId));
    }

    private Response accepted(JobExecutionView execution) {
        return Response.accepted(execution)
                .location(uriInfo.getBaseUriBuilder()
                        .path(JobsResource.class)
                        .path("executions")
                        .path(Long.toString(execution.executionId()))
                        .build())
                .build();
    }
}
