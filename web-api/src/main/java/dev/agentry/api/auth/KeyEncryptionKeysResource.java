package dev.agentry.api.auth;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.secrets.KekStatus;
import dev.agentry.core.secrets.KeyEncryptionKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The keys that seal stored secrets, for operators: ids and counts, and rotation. Never key material. */
@Path("/auth/key-encryption-keys")
@RequestScoped
@RolesAllowed("credentials:manage")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "credential-controls", stability = Stability.STABLE)
public class KeyEncryptionKeysResource {

    @Inject
    KeyEncryptionKeys keys;

    @GET
    @Operation(summary = "The key-encryption key in use, the retired ones still held, and how many rows each seals")
    public KekStatus status() {
        return keys.status();
    }

    @POST
    @Path("rotate")
    @Operation(
            summary = "Seal new secrets under a fresh key-encryption key and re-wrap the stored ones in the background",
            description = "Answers 202 with the new and previous KEK ids and the re-wrap job's execution. The previous "
                    + "KEK opens the rows still sealed under it until the job has moved them, then it is removed. "
                    + "409 conflict when the KEK comes from configuration (agentry.secrets.kek).")
    @APIResponse(
            responseCode = "202",
            description = "Rotated; the re-wrap job is under way",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KeyEncryptionKeys.KekRotation.class)))
    @APIResponse(responseCode = "409", description = "The KEK comes from configuration (conflict)")
    public Response rotate() {
        return Response.accepted(keys.rotate()).build();
    }

    @POST
    @Path("rewrap")
    @Operation(
            summary = "Re-wrap every stored secret under the current key-encryption key, without rotating",
            description = "For a KEK given by configuration: after the operator set a new agentry.secrets.kek and "
                    + "moved the old one to agentry.secrets.retired-keks. Answers 202 with the job's execution.")
    @APIResponse(
            responseCode = "202",
            description = "The re-wrap job is under way",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewrapStarted.class)))
    public Response rewrap() {
        return Response.accepted(new RewrapStarted(keys.rewrap())).build();
    }

    /**
     * A re-wrap under way.
     *
     * @param rewrapJobExecutionId the re-wrap job's execution
     */
    public record RewrapStarted(long rewrapJobExecutionId) {}
}
