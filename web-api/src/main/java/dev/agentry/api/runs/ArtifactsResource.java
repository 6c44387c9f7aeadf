package dev.agentry.api.runs;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.runs.RunArtifacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Verification of a bundle brought from anywhere, so a third party can check what a run left. */
@Path("/artifacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "runs", stability = Stability.BETA)
public class ArtifactsResource {

    @Inject
    RunArtifacts artifacts;

    @POST
    @Path("verify")
    @RolesAllowed("artifacts:read")
    // Any type reaches the method, so a caller without the scope hears 401/403 before 415.
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Verify an uploaded bundle zip",
            description = "Body: the zip (application/zip) as GET /runs/{id}/artifacts.zip gives it. Traversal,"
                    + " absolute and link entries are not unpacked and are reported; an archive over the limits"
                    + " is refused.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = MediaType.APPLICATION_OCTET_STREAM,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Verification verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream zip) {
        String type = contentType == null ? "" : contentType.toLowerCase().strip();
        if (!type.startsWith("application/zip") && !type.startsWith(MediaType.APPLICATION_OCTET_STREAM)) {
            throw new AgentryException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "A bundle is uploaded as application/zip.");
        }
        return artifacts.verifyUpload(zip);
    }
}
