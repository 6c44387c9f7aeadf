package dev.agentry.api.schema;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.catalog.CatalogSchemas;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.runs.RunSchemas;
import dev.agentry.core.webhooks.WebhookSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** JSON Schemas of every resource and envelope (SPEC section 6). */
@Path("/schema")
@RequestScoped
@RolesAllowed("schema:read")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
public class SchemaResource {

    @Inject
    CatalogSchemas catalogSchemas;

    @Inject
    WebhookSchemas webhookSchemas;

    @Inject
    RunSchemas runSchemas;

    private Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>(catalogSchemas.all());
        schemas.putAll(webhookSchemas.all());
        schemas.putAll(runSchemas.all());
        return schemas;
    }

    @GET
    @Operation(summary = "Every schema id with its title")
    public JsonObject list() {
        var data = Json.createArrayBuilder();
        all().forEach((id, schema) ->
                data.add(Json.createObjectBuilder().add("id", id).add("description", schema.getString("description"))));
        return Json.createObjectBuilder().add("data", data).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One JSON Schema (draft 2020-12)")
    public JsonObject one(@PathParam("id") String id) {
        return Optional.ofNullable(all().get(id))
                .orElseThrow(() -> AgentryException.notFound("There is no schema with this id."));
    }
}
