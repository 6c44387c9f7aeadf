package dev.agentry.api.schema;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.contracts.SchemaCatalog;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.schema.ContractSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** JSON Schemas of every resource and envelope (SPEC section 6). */
@Path("/schema")
@RequestScoped
@RolesAllowed("schema:read")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
public class SchemaResource {

    @Inject
    SchemaCatalog core;

    @Inject
    ApiContracts api;

    private Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>(core.all());
        schemas.putAll(api.all());
        return schemas;
    }

    /** One published schema: its id, the last segment of its address, and what it describes. */
    public record SchemaEntry(@NotNull String id, @NotNull String description) {}

    @GET
    @Operation(summary = "Every schema id with its title")
    public Page<SchemaEntry> list() {
        return Page.whole(all().entrySet().stream()
                .map(e -> new SchemaEntry(e.getKey(), e.getValue().getString("description")))
                .toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One JSON Schema (draft 2020-12)")
    @APIResponse(
            responseCode = "200",
            description = "The schema",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            title = "JsonSchema",
                                            description = "A JSON Schema (draft 2020-12): its id, title and"
                                                    + " description, then the keywords of the schema itself",
                                            requiredProperties = {"$id", "title", "description"},
                                            properties = {
                                                @SchemaProperty(
                                                        name = "$schema",
                                                        type = SchemaType.STRING,
                                                        description = "The dialect: " + ContractSchemas.DIALECT),
                                                @SchemaProperty(
                                                        name = "$id",
                                                        type = SchemaType.STRING,
                                                        description = "The schema id, its address under /schema/"),
                                                @SchemaProperty(name = "title", type = SchemaType.STRING),
                                                @SchemaProperty(name = "description", type = SchemaType.STRING)
                                            },
                                            additionalProperties = Schema.True.class)))
    public JsonObject one(@PathParam("id") String id) {
        return Optional.ofNullable(all().get(id))
                .orElseThrow(() -> AgentryException.notFound("There is no schema with this id."));
    }
}
