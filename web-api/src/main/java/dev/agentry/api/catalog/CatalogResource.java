package dev.agentry.api.catalog;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.core.catalog.CollectionReader;
import dev.agentry.core.catalog.CollectionRequest;
import dev.agentry.core.cursor.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Every catalog collection, served by one generic reader (SPEC section 5). */
// Rooted at "/" with the template on the methods: a class-level "{collection}" would outrank the
// literal routes of other root resources (GET /health) when RESTEasy picks the class.
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "read-sync", stability = Stability.STABLE)
public class CatalogResource {

    @Inject
    CollectionReader reader;

    @Inject
    Caller caller;

    @GET
    @Path("{collection}")
    @CollectionScoped
    @Operation(summary = "A page of a collection (scope <collection>:read); keyset cursor paging")
    public Page<Map<String, Object>> list(
            @PathParam(CollectionScoped.PARAMETER) String collection,
            @BeanParam Paging paging,
            @Parameter(description = "ISO-8601; records updated at or after it") @QueryParam("updatedSince")
                    Instant updatedSince,
            @Parameter(description = "text searched in the collection's searchable fields") @QueryParam("q") String q,
            @Parameter(description = "comma-separated projection") @QueryParam("fields") String fields,
            @Parameter(description = "field:value (exact, * wildcard) or field~value (contains); repeatable")
                    @QueryParam("filter")
                    List<String> filters) {
        return reader.page(
                collection,
                new CollectionRequest(paging.limit(), paging.cursor(), updatedSince, q, fields, filters),
                caller.grant());
    }

    @GET
    @Path("{collection}/{id}")
    @CollectionScoped
    @Operation(summary = "One record by id or uid (orders also by number)")
    public Map<String, Object> one(
            @PathParam(CollectionScoped.PARAMETER) String collection,
            @PathParam("id") String id,
            @QueryParam("fields") String fields) {
        return reader.one(collection, id, fields, caller.grant());
    }
}
