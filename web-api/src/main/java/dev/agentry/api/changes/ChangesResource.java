package dev.agentry.api.changes;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.core.changes.ChangeFeed;
import dev.agentry.core.changes.ChangeItem;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The changes feed (SPEC section 5). */
@Path("/changes")
@RequestScoped
@RolesAllowed("changes:read")
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "read-sync", stability = Stability.STABLE)
public class ChangesResource {

    @Inject
    ChangeFeed feed;

    @Inject
    Caller caller;

    @GET
    @APIResponse(responseCode = "200", description = "A page of the feed")
    @APIResponse(
            responseCode = "410",
            description = "The cursor points before what the feed still holds (cursor_expired)")
    @Operation(
            summary = "Every create, update and delete in feed order; deletes as tombstones",
            description = "nextCursor is always present: at the end of the feed, ask again with it later. A"
                    + " cursor is bound to its types filter. Only collections the caller may read: types naming"
                    + " another is 403 scope_denied; without types, the others are left out.")
    public Page<ChangeItem> read(
            @Parameter(description = "nextCursor (or an item's cursor) from a previous page") @QueryParam("cursor")
                    String cursor,
            @Parameter(description = "comma-separated collection names") @QueryParam("types") String types,
            @Parameter(
                            description = "Page size, 1-200; 50 when absent",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    PageLimit limit) {
        return feed.read(cursor, types, limit == null ? PageLimit.STANDARD : limit, caller.grant());
    }
}
