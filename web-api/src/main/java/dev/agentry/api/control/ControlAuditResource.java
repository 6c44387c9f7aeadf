package dev.agentry.api.control;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.audit.AuditQuery;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.control.ControlAudit;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.GovernedWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail of governed writes: policy changes, approval requests and decisions, executions. */
@Path("/control/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("control:audit:read")
@ApiSurface(value = "control", stability = Stability.EXPERIMENTAL, flag = GovernedWrites.KEY)
public class ControlAuditResource {

    private static final int DEFAULT_LIMIT = 100;

    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "Chained audit records of control actions, oldest first")
    public Page<AuditView> records(
            @QueryParam("since") Instant since,
            @QueryParam("until") Instant until,
            @QueryParam("cursor") String cursor,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + AuditService.MAX_PAGE,
                                            defaultValue = "" + DEFAULT_LIMIT))
                    @QueryParam("limit")
                    Integer limit) {
        return audit.page(
                new AuditQuery(
                        since, until, null, ControlAudit.PREFIX, null, null, limit == null ? DEFAULT_LIMIT : limit),
                cursor);
    }
}
