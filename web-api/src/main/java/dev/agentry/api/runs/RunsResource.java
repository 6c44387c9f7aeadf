package dev.agentry.api.runs;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.api.templates.RendersTemplates;
import dev.agentry.core.artifacts.ManifestView;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.runs.RunArtifacts;
import dev.agentry.core.runs.RunEventFeed;
import dev.agentry.core.runs.RunFilter;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.RunView;
import dev.agentry.core.runs.Submission;
import dev.agentry.core.runs.TaskRequest;
import dev.agentry.persistence.runs.RunStatus;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Agent task runs (SPEC section 9): submit, list, read, cancel, and the run's artifact bundle. A run
 * belongs to the credential that started it; another's is {@code 404 not_found} (runs:admin sees all).
 */
@Path("/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "runs", stability = Stability.BETA)
public class RunsResource {

    @Inject
    RunService runs;

    @Inject
    RunArtifacts artifacts;

    @Inject
    Caller caller;

    @Inject
    RunEventFeed feed;

    @Inject
    RunEventStreams streams;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("runs:write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start an agent task run",
            description = "Body agentry/task-input/v1 (or {template, parameters}: a /templates template rendered"
                    + " into one) and an Idempotency-Key header: the same key with the same"
                    + " body returns the first run (Idempotent-Replayed: true); with another body it is"
                    + " idempotency_conflict. 202 with the run; it runs as the agent-task-run batch job.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the run, at the Location given",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The Idempotency-Key was used with another body (idempotency_conflict), or its run is"
                    + " still being submitted (conflict)")
    @RendersTemplates
    public Response submit(@HeaderParam("Idempotency-Key") String key, TaskRequest body) {
        Submission submission = runs.submit(caller.grant(), key, body);
        return Response.accepted(withLinks(submission.run()))
                .location(self(submission.run().id()).build())
                .header("Idempotent-Replayed", submission.replay())
                .build();
    }

    @GET
    @RolesAllowed("runs:read")
    @Operation(
            summary = "Runs, newest first, by status, agent, credential and creation time",
            description = "Only the calling credential's runs; with runs:admin, every credential's.")
    public Page<RunView> list(
            @QueryParam("status") RunStatus status,
            @QueryParam("agent") String agent,
            @QueryParam("credentialId") String credentialId,
            @QueryParam("createdSince") Instant createdSince,
            @QueryParam("createdBefore") Instant createdBefore,
            @BeanParam Paging paging) {
        RunFilter filter = new RunFilter(status, agent, credentialId, createdSince, createdBefore);
        return runs.list(caller.grant(), filter, paging.limit().value(), paging.cursor())
                .map(this::withLinks);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("runs:read")
    @Operation(summary = "One run as agentry/agent-task-run/v1")
    public RunView one(@PathParam("id") String id) {
        return withLinks(runs.view(caller.grant(), id));
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed("runs:read")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "The run's events, live (Server-Sent Events)",
            description = "Every lifecycle move (event status), turn, message, tool call and the sealed bundle,"
                    + " each with its number in the run as the SSE id and as data {run, seq, at, type, data}."
                    + " With Last-Event-ID, the stream resumes after that event: the stored events, then live"
                    + " ones, none missed or repeated. A comment every 15 s keeps the connection alive; the"
                    + " stream ends after the terminal status event. Another credential's run is not_found.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void events(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        long after = 0;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < 0) {
                throw AgentryException.validation(List.of(new FieldError(
                        HttpHeaders.LAST_EVENT_ID_HEADER, "invalid", "the id of an event of this run's stream")));
            }
        }
        streams.open(feed, caller.grant(), id, after, sink, sse);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("runs:write")
    @Operation(
            summary = "Cancel a run (idempotent)",
            description = "A queued run ends at once; a running one stops at its next check, keeps the artifacts"
                    + " collected so far and ends cancelled; an ended run is returned unchanged.")
    public RunView cancel(@PathParam("id") String id) {
        return withLinks(runs.cancel(caller.grant(), id));
    }

    @GET
    @Path("{id}/artifacts")
    @RolesAllowed("artifacts:read")
    @Operation(summary = "The sealed bundle's manifest: every file with its kind, size and SHA-256")
    public ManifestView manifest(@PathParam("id") String id) {
        return artifacts.manifest(caller.grant(), id);
    }

    @GET
    @Path("{id}/artifacts.zip")
    @RolesAllowed("artifacts:read")
    @Produces("application/zip")
    @Operation(summary = "The whole bundle as a zip, as POST /artifacts/verify takes it")
    @APIResponse(
            responseCode = "200",
            description = "The bundle",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response zip(@PathParam("id") String id) {
        Grant grant = caller.grant();
        artifacts.manifest(grant, id); // not found before the stream starts, not half-way through it
        StreamingOutput body = out -> artifacts.zip(grant, id, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-artifacts.zip\"")
                .build();
    }

    @GET
    @Path("{id}/artifacts/verify")
    @RolesAllowed("artifacts:read")
    @Operation(summary = "Verify the run's bundle on the server: {valid, bundleId, files, violations[]}")
    public Verification verify(@PathParam("id") String id) {
        return artifacts.verify(caller.grant(), id);
    }

    @GET
    @Path("{id}/artifacts/{path: .+}")
    @RolesAllowed("artifacts:read")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "One file of the bundle, e.g. files/patch.diff")
    @APIResponse(
            responseCode = "200",
            description = "The file, in the media type its name implies",
            content =
                    @Content(
                            mediaType = MediaType.WILDCARD,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") String id, @PathParam("path") String path) {
        return Response.ok(artifacts.file(caller.grant(), id, path).toFile(), RunArtifacts.mediaTypeOf(path))
                .build();
    }

    private RunView withLinks(RunView run) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self(run.id()).build().toString());
        links.put("cancel", self(run.id()).path("cancel").build().toString());
        links.put("events", self(run.id()).path("events").build().toString());
        links.put("artifacts", self(run.id()).path("artifacts").build().toString());
        links.put("zip", self(run.id()).path("artifacts.zip").build().toString());
        links.put(
                "verify",
                self(run.id()).path("artifacts").path("verify").build().toString());
        return run.withLinks(links);
    }

    private UriBuilder self(String id) {
        return uri.getBaseUriBuilder().path(RunsResource.class).path(id);
    }
}
