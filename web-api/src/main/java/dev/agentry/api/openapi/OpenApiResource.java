package dev.agentry.api.openapi;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The OpenAPI 3 document of every deployed route, as JSON. */
@Path("/openapi.json")
@RequestScoped
@PermitAll
@ApiSurface(value = "contract-descriptors", stability = Stability.STABLE)
public class OpenApiResource {

    @Inject
    OpenApiDocument document;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The MicroProfile OpenAPI document of this API")
    public String openApi() throws URISyntaxException {
        URI listener =
                new URI(request.getScheme(), null, request.getLocalAddr(), request.getLocalPort(), "/", null, null);
        return document.json(listener);
    }
}
