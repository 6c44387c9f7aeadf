package dev.agentry.api.capabilities;

import dev.agentry.api.ApiApplication;
import dev.agentry.api.mcp.McpResource;
import dev.agentry.api.problem.Challenges;
import dev.agentry.api.schema.ApiContracts;
import dev.agentry.core.contracts.SchemaCatalog;
import dev.agentry.core.control.ActionCatalog;
import dev.agentry.core.lifecycle.FeatureFlag;
import dev.agentry.core.lifecycle.LifecycleService;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.TokenAudience;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.EventType;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The canonical machine contract: what this deployment serves and how it fails. */
@Path("/capabilities")
@RequestScoped
@PermitAll
@ApiSurface(value = "contract-descriptors", stability = Stability.STABLE)
public class CapabilitiesResource {

    /**
     * The document.
     *
     * @param apiVersion the API version, also the first path segment below the API root
     * @param apiRoot the path every route below is relative to
     * @param surfaces every surface with its routes and their scopes
     * @param scopes every scope a credential can hold
     * @param errorCodes the complete, stable error-code catalog
     * @param eventTypes every webhook event type with its payload version and data schema
     * @param actions every governed-write action, with the scope it needs and its input's schema (listed
     *     while governed writes are off too: the surface says whether they can be executed)
     * @param limits the bounds every caller meets: page sizes, request sizes, rate and run limits
     * @param flags the feature flags and their state on this server
     * @param schemas the id of every JSON Schema {@code /schema/{id}} serves
     * @param mcp how an MCP client connects
     */
    public record Capabilities(
            String apiVersion,
            String apiRoot,
            List<Surface> surfaces,
            List<ScopeEntry> scopes,
            List<ErrorCodeEntry> errorCodes,
            List<EventType> eventTypes,
            List<ActionEntry> actions,
            List<ContractLimits.Limit> limits,
            List<FeatureFlag> flags,
            List<String> schemas,
            McpConnection mcp) {}

    /**
     * How an MCP client connects to the MCP server endpoint.
     *
     * @param url the endpoint
     * @param transport {@code streamable-http}
     * @param protocolVersions the MCP versions served, newest first
     * @param resourceMetadata the RFC 9728 document naming where tokens come from
     * @param clientConfig a client configuration entry, the token left for the client to fill in
     */
    public record McpConnection(
            String url,
            String transport,
            List<String> protocolVersions,
            String resourceMetadata,
            Map<String, Object> clientConfig) {}

    /**
     * One governed-write action.
     *
     * @param name its name, as policies, simulate, approvals and execute take it
     * @param description what it does
     * @param collection the collection it writes
     * @param scope the scope it needs besides the control route's own
     * @param schema the id of its input's JSON Schema, under /schema
     */
    public record ActionEntry(String name, String description, String collection, String scope, String schema) {}

    /**
     * One scope.
     *
     * @param scope its name, as routes and tokens use it
     * @param description what it allows
     */
    public record ScopeEntry(String scope, String description) {}

    /**
     * One code of the catalog.
     *
     * @param code the machine code
     * @param status the HTTP status it is answered with
     * @param title its short description
     */
    public record ErrorCodeEntry(String code, int status, String title) {}

    @Inject
    RouteCatalog routes;

    @Inject
    GovernedWrites governedWrites;

    @Inject
    ActionCatalog actions;

    @Inject
    ContractLimits limits;

    @Inject
    LifecycleService lifecycle;

    @Inject
    SchemaCatalog schemas;

    @Inject
    ApiContracts apiContracts;

    @Inject
    TokenAudience audience;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Every surface, route, scope, error code, event type, limit, flag and schema id this deployment serves")
    public Capabilities capabilities() {
        return new Capabilities(
                ApiApplication.PATH.substring(1),
                "/api" + ApiApplication.PATH,
                routes.surfaces().stream()
                        .map(s -> s.flag() == null ? s : s.enabled(flagOn(s.flag())))
                        .toList(),
                governedWrites.offeredScopes().stream()
                        .map(scope -> new ScopeEntry(scope.scope(), scope.description()))
                        .toList(),
                Arrays.stream(ErrorCode.values())
                        .map(code -> new ErrorCodeEntry(code.code(), code.status(), code.title()))
                        .toList(),
                EventCatalog.ALL,
                actions.all().stream()
                        .map(a -> new ActionEntry(
                                a.name(),
                                a.description(),
                                a.subject().name(),
                                a.subject().readScope(),
                                "action." + a.name()))
                        .toList(),
                limits.all(),
                lifecycle.flags(),
                Stream.concat(schemas.all().keySet().stream(), apiContracts.all().keySet().stream())
                        .toList(),
                mcp());
    }

    private McpConnection mcp() {
        String url = audience.issuer() + "/api" + ApiApplication.PATH + "/mcp";
        return new McpConnection(
                url,
                "streamable-http",
                McpResource.VERSIONS,
                audience.issuer() + Challenges.RESOURCE_METADATA,
                Map.of(
                        "mcpServers",
                        Map.of(
                                "agentry",
                                Map.of(
                                        "type",
                                        "http",
                                        "url",
                                        url,
                                        "headers",
                                        Map.of("Authorization", "Bearer ${AGENTRY_TOKEN}")))));
    }

    /** Whether the flag a surface is switched by is on; governed writes' is the only flag so far. */
    private boolean flagOn(String flag) {
        return GovernedWrites.KEY.equals(flag) && governedWrites.enabled();
    }
}
