package dev.agentry.it.probe;

import dev.agentry.core.artifacts.BundleId;
import dev.agentry.core.policy.Admission;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.publication.WorkspacePublication;
import dev.agentry.core.runs.RunWorkspace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.file.Files;
import java.util.stream.Collectors;

/**
 * Test-only (its answers are untyped {@link Response}s, so the probe adds no schema to the API's
 * OpenAPI document): the publication engine ({@code artifact.apply}'s) as the caller's token reaches it, until
 * the governed {@code /control/actions/execute} route exposes it; inside a transaction that then rolls
 * back; and a run's sealed patch altered on disk, which no route can do.
 */
@Path("/_probe/publication")
@RequestScoped
public class PublicationProbeResource {

    @Inject
    WorkspacePublication publication;

    /** Where the API's policy filter leaves the admitted caller (web-api's PolicyFilter.ADMISSION). */
    private static final String ADMISSION = "dev.agentry.api.policy.PolicyFilter.admission";

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Inject
    RunWorkspace files;

    @Resource
    UserTransaction transaction;

    @POST
    @Path("{runId}")
    @RolesAllowed("artifacts:read")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("runId") String runId, @QueryParam("target") String target) {
        return Response.ok(publication.apply(grant(), runId, target)).build();
    }

    /** Publishes within a transaction that is then rolled back, as a governed action failing after it would. */
    @POST
    @Path("{runId}/rolled-back")
    @RolesAllowed("artifacts:read")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publishThenRollBack(@PathParam("runId") String runId, @QueryParam("target") String target)
            throws Exception {
        transaction.begin();
        try {
            return Response.ok(publication.apply(grant(), runId, target)).build();
        } finally {
            transaction.rollback();
        }
    }

    /** The caller's grant as web-api's Caller makes it: its credential, and the scopes its token holds still. */
    private Grant grant() {
        Admission admission = (Admission) request.getAttribute(ADMISSION);
        return new Grant(
                admission.policy().credentialId(),
                admission.policy().scopes().stream()
                        .filter(security::isUserInRole)
                        .collect(Collectors.toSet()));
    }

    /** Flips one byte in the middle of the run's sealed {@code files/patch.diff}. */
    @POST
    @Path("{runId}/tamper")
    @Produces(MediaType.TEXT_PLAIN)
    public String tamper(@PathParam("runId") String runId) throws Exception {
        java.nio.file.Path patch = files.artifacts(runId).resolve(BundleId.PATCH);
        byte[] bytes = Files.readAllBytes(patch);
        bytes[bytes.length / 2] ^= 1;
        Files.write(patch, bytes);
        return "tampered";
    }
}
