package dev.agentry.api.templates;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.templates.TaskTemplate;
import dev.agentry.core.templates.TemplateCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Parameterised agent task inputs. They hold no data, so whoever submits or reads runs, or reads the
 * contract schemas, may read them.
 */
@Path("/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
@RolesAllowed({"runs:write", "runs:read", "schema:read"})
public class TemplatesResource {

    @Inject
    TemplateCatalog templates;

    @GET
    @Operation(summary = "Every task template: its parameters' JSON Schema, the task it renders to, scopes and tools")
    public Page<TaskTemplate> list() {
        return Page.whole(List.copyOf(templates.all()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One task template")
    public TaskTemplate template(@PathParam("id") String id) {
        return templates.named(id).orElseThrow(() -> AgentryException.notFound("There is no template " + id + "."));
    }
}
