package dev.agentry.api.audit;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.core.audit.AuditOutcome;
import dev.agentry.core.audit.AuditQuery;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.audit.ChainVerifier;
import dev.agentry.core.cursor.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail: every API call and action, hash-chained; and its verification. */
@Path("/audit")
@RequestScoped
@RolesAllowed("audit:read")
@ApiSurface(value = "credential-controls", stability = Stability.STABLE)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int DEFAULT_LIMIT = 100;

    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "Chained audit records, oldest first; filter by time, credential, route or action, outcome")
    public Page<AuditView> records(
            @QueryParam("since") Instant since,
            @QueryParam("until") Instant until,
            @QueryParam("credentialId") String credentialId,
            @QueryParam("action") String action,
            @QueryParam("outcome") AuditOutcome outcome,
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
                        since,
                        until,
                        blankToNull(credentialId),
                        blankToNull(action),
                        outcome,
                        null,
                        limit == null ? DEFAULT_LIMIT : limit),
                cursor);
    }

    @POST
    @Path("verify")
    @Operation(summary = "Check the whole chain; names the first broken record")
    public ChainVerifier.Verdict verify() {
        return audit.verify();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
