package dev.agentry.api.runs;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.sessions.SessionView;
import dev.agentry.core.sessions.Sessions;
import dev.agentry.core.sessions.TranscriptEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sessions (SPEC section 9): the conversation a credential's runs on one {@code sessionId} carry on,
 * and its transcript. Owner only: a session id is looked up under the caller's credential, so another
 * credential's session is {@code 404 not_found}, {@code runs:admin} included.
 */
@Path("/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "runs", stability = Stability.BETA)
public class SessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    @RolesAllowed("runs:read")
    @Operation(
            summary = "One of the caller's sessions as agentry/session/v1",
            description = "Its agent, the run writing it now (activeRunId), how many runs it had, and its"
                    + " transcript's size; the oldest messages are dropped past agentry.sessions.max-messages"
                    + " or max-bytes (droppedMessages counts them).")
    public SessionView one(@PathParam("id") String id) {
        return sessions.view(caller.grant(), id);
    }

    @GET
    @Path("{id}/transcript")
    @RolesAllowed("runs:read")
    @Operation(
            summary = "The session's transcript, oldest message first (agentry/message/v1 with seq and runId)",
            description = "What the session's next run receives as context: its runs' messages, redacted as"
                    + " their runs wrote them, the agent's instructions left out.")
    public Page<TranscriptEntry> transcript(@PathParam("id") String id, @BeanParam Paging paging) {
        return sessions.transcript(caller.grant(), id, paging.limit().value(), paging.cursor());
    }
}
