package dev.agentry.api.openapi;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The OpenAPI 3 document of every deployed route, as JSON. */
@Path("/openapi.json")
@RequestScoped
@PermitAll
@ApiSurface(value = "contract-descriptors", stability = Stability.STABLE)
public class OpenApiResource {

    @Inject
    OpenApiDocument document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI 3.1 document of this API")
    @APIResponse(
            responseCode = "200",
            description = "This document",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            title = "OpenApiDocument",
                                            description = "An OpenAPI 3.1 document",
                                            requiredProperties = {"openapi", "info", "paths"},
                                            properties = {
                                                @SchemaProperty(name = "openapi", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "info",
                                                        type = SchemaType.OBJECT,
                                                        additionalProperties = Schema.True.class),
                                                @SchemaProperty(
                                                        name = "paths",
                                                        type = SchemaType.OBJECT,
                                                        additionalProperties = Schema.True.class),
                                                @SchemaProperty(
                                                        name = "components",
                                                        type = SchemaType.OBJECT,
                                                        additionalProperties = Schema.True.class)
                                            },
                                            additionalProperties = Schema.True.class,
                                            externalDocs =
                                                    @ExternalDocumentation(
                                                            description = "OpenAPI Specification 3.1",
                                                            url = "https://spec.openapis.org/oas/v3.1.0"))))
    public String openApi() {
        return document.json();
    }
}
