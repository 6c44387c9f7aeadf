package dev.agentry.api.auth;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The token signing keys, for operators: where each stands, and rotation. */
@Path("/auth/signing-keys")
@RequestScoped
@RolesAllowed("credentials:manage")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "credential-controls", stability = Stability.STABLE)
public class SigningKeysResource {

    @Inject
    SigningKeys keys;

    @GET
    @Operation(summary = "Signing keys, newest first: announced, signing or retired (no key material)")
    public Page<SigningKeys.KeyView> list() {
        return Page.whole(keys.list());
    }

    @POST
    @Path("rotate")
    @Operation(
            summary = "Announce a new signing key; it is published now and signs after the publication lead",
            description = "Tokens signed by the current key stay valid until they expire. Repeating the call "
                    + "while a successor is announced returns that successor.")
    public SigningKeys.Rotation rotate() {
        return keys.rotate();
    }
}
