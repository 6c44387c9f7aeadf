package dev.agentry.api.control;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.control.ActionExecutions;
import dev.agentry.core.control.ActionRequest;
import dev.agentry.core.control.ActionSimulator;
import dev.agentry.core.control.ExecuteRequest;
import dev.agentry.core.control.ExecutionResult;
import dev.agentry.core.control.ExecutionView;
import dev.agentry.core.control.Simulation;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.GovernedWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Simulating and executing governed actions, and the executions made. */
@Path("/control")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "control", stability = Stability.EXPERIMENTAL, flag = GovernedWrites.KEY)
public class ControlActionsResource {

    @Inject
    ActionSimulator simulator;

    @Inject
    ActionExecutions executions;

    @Inject
    Caller caller;

    @POST
    @Path("policy-simulate")
    @RolesAllowed("control:actions:simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Dry-run an action",
            description = "Validates the input, names the governing policy and what it demands, and previews the"
                    + " record before and after with the JSON Merge Patch between them. Writes nothing.")
    public Simulation simulate(ActionRequest request) {
        return simulator.simulate(caller.grant(), request);
    }

    @POST
    @Path("actions/execute")
    @RolesAllowed("control:actions:execute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Execute an action, at most once per Idempotency-Key",
            description = "Body {action, input, approvalId}. The same key with the same body returns the first"
                    + " result (Idempotent-Replayed: true); with another body it is idempotency_conflict. Where"
                    + " policy demands it, approvalId names an approved, unexpired, unused approval of this"
                    + " action and input (approval_required otherwise). The write, its change record and event,"
                    + " the execution record and the audit record commit in one transaction.")
    @APIResponse(
            responseCode = "200",
            description = "Executed, or the replay of the first execution with this key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExecutionView.class)))
    public Response execute(
            @Parameter(
                            required = true,
                            description = "1 to 200 visible ASCII characters, chosen by the caller per intended write",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @HeaderParam("Idempotency-Key")
                    String key,
            ExecuteRequest request) {
        ExecutionResult result = executions.execute(caller.grant(), key, request);
        return Response.ok(result.execution())
                .header("Idempotent-Replayed", result.replayed())
                .build();
    }

    @GET
    @Path("executions")
    @RolesAllowed({"control:actions:execute", "control:audit:read"})
    @Operation(
            summary = "Executions, newest first, by action and run, a page at a time",
            description = "The caller's own; with control:audit:read, every credential's. Only of collections the"
                    + " caller reads, redacted as those collections are.")
    public Page<ExecutionView> list(
            @Parameter(description = "An action's name, e.g. entry.update") @QueryParam("action") String action,
            @Parameter(description = "A run's id: the executions of that run's agent") @QueryParam("runId")
                    String runId,
            @BeanParam Paging paging) {
        return executions.list(caller.grant(), blankless(action), blankless(runId), paging.limit(), paging.cursor());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GET
    @Path("executions/{id}")
    @RolesAllowed({"control:actions:execute", "control:audit:read"})
    @Operation(summary = "One execution with its effect")
    public ExecutionView one(@PathParam("id") String id) {
        return executions.find(caller.grant(), id);
    }
}
