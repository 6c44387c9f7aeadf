package dev.agentry.api.health;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.problem.Problem;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.health.HealthReport;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Liveness and readiness for load balancers and operators. Readiness runs every {@code @Readiness}
 * check any module contributes; when one is down it answers 503 naming it.
 */
@Path("/")
@RequestScoped
@PermitAll
@ApiSurface(value = "read-sync", stability = Stability.STABLE)
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /**
     * A check as reported.
     *
     * @param name the check's name
     * @param status {@code UP} or {@code DOWN}
     * @param data what the check observed
     */
    public record CheckStatus(String name, String status, Map<String, Object> data) {}

    /**
     * The healthy answer.
     *
     * @param status {@code UP}
     * @param checks every check
     */
    public record Health(String status, List<CheckStatus> checks) {}

    /** The not-ready answer: a problem document that also carries every check. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "code", "requestId", "checks"})
    public record NotReady(
            @NotNull String type,
            @NotNull String title,
            int status,
            String detail,
            @NotNull String code,
            String requestId,
            @NotNull List<CheckStatus> checks) {}

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Context
    HttpServletRequest request;

    @GET
    @Path("health")
    @Operation(summary = "Liveness: the application is up and serving")
    @APIResponse(
            responseCode = "200",
            description = "Up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Health.class)))
    public Response health() {
        return answer(HealthReport.of(liveness));
    }

    @GET
    @Path("readiness")
    @Operation(summary = "Readiness: database, job repository and migrations, each named with its state")
    @APIResponse(
            responseCode = "200",
            description = "Every check is up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Health.class)))
    @APIResponse(
            responseCode = "503",
            description = "A check is down; the problem (service_unavailable) names it and lists every check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = NotReady.class)))
    public Response readiness() {
        return answer(HealthReport.of(readiness));
    }

    private Response answer(HealthReport report) {
        List<CheckStatus> checks = report.checks().stream()
                .map(c -> new CheckStatus(c.name(), c.up() ? "UP" : "DOWN", c.data()))
                .toList();
        if (report.up()) {
            return Response.ok(new Health("UP", checks)).build();
        }
        Problem problem = Problem.of(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Not ready: " + String.join(", ", report.failing()) + ".",
                RequestId.of(request),
                List.of());
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new NotReady(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        problem.code(),
                        problem.requestId(),
                        checks))
                .build();
    }
}
