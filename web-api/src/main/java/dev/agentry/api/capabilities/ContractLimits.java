package dev.agentry.api.capabilities;

import dev.agentry.core.audit.AuditService;
import dev.agentry.core.control.Policies;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.incidents.IncidentSettings;
import dev.agentry.core.operations.JobsService;
import dev.agentry.core.policy.IpAllowlist;
import dev.agentry.core.policy.TokenService;
import dev.agentry.core.runs.TaskRequest;
import dev.agentry.core.webhooks.SubscriptionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The limits {@code /capabilities} states, read where they are enforced: the same constants and
 * configuration keys (with the same defaults) the enforcing code uses, so the descriptor cannot claim
 * another bound than the server applies.
 */
@ApplicationScoped
public class ContractLimits {

    /** The surface of a limit every route meets. */
    public static final String EVERY_SURFACE = "*";

    /**
     * One limit.
     *
     * @param name what is bounded, e.g. {@code request.body}
     * @param value the bound on this server
     * @param unit what {@code value} counts
     * @param configKey the configuration key that sets it, or null for a fixed bound
     * @param description what a caller meets at the bound
     * @param surface the surface (as {@code surfaces[].name}) whose routes it bounds, or {@code *} for every route
     */
    public record Limit(String name, long value, String unit, String configKey, String description, String surface) {}

    @Inject
    Config config;

    @Inject
    IncidentSettings incidents;

    public List<Limit> all() {
        return List.of(
                new Limit("page.limit", PageLimit.MAX, "records", null, "largest limit of a list page", EVERY_SURFACE),
                new Limit(
                        "page.limit.default",
                        PageLimit.DEFAULT,
                        "records",
                        null,
                        "a page's size when limit is absent",
                        EVERY_SURFACE),
                configured(
                        "request.body",
                        "agentry.api.max-request-bytes",
                        1_048_576,
                        "bytes",
                        "largest request body read",
                        EVERY_SURFACE),
                configured(
                        "request.query",
                        "agentry.api.max-query-bytes",
                        8192,
                        "bytes",
                        "longest query string read",
                        EVERY_SURFACE),
                configured(
                        "rate.per-credential",
                        "agentry.rate-limit.per-minute",
                        600,
                        "requests per minute",
                        "requests one credential may make (429 with Retry-After beyond)",
                        EVERY_SURFACE),
                new Limit(
                        "tokens.lifetime",
                        TokenService.MAX_LIFETIME.toSeconds(),
                        "seconds",
                        null,
                        "longest lifetime of an access token /auth/token issues",
                        "read-sync"),
                new Limit(
                        "audit.page.limit",
                        AuditService.MAX_PAGE,
                        "records",
                        null,
                        "largest limit of an /audit page",
                        "credential-controls"),
                new Limit(
                        "credentials.ip-allowlist",
                        IpAllowlist.MAX_ENTRIES,
                        "entries",
                        null,
                        "addresses and CIDR ranges in one credential's allowlist",
                        "credential-controls"),
                new Limit(
                        "webhooks.subscription.events",
                        SubscriptionRequest.MAX_EVENTS,
                        "event types",
                        null,
                        "event types (or patterns) one subscription names",
                        "webhooks"),
                configured(
                        "runs.concurrent",
                        "agentry.runs.max-concurrent",
                        2,
                        "runs",
                        "runs executing at once; more queue",
                        "runs"),
                seconds(
                        "runs.timeout.default",
                        "agentry.runs.default-timeout",
                        "PT10M",
                        "a run's timeout when its task names none",
                        "runs"),
                seconds(
                        "runs.timeout.max",
                        "agentry.runs.max-timeout",
                        "PT1H",
                        "the longest timeout a task may ask for",
                        "runs"),
                new Limit("runs.turns", TaskRequest.MAX_TURNS, "turns", null, "most turns a task may ask for", "runs"),
                new Limit(
                        "runs.tool-calls",
                        TaskRequest.MAX_TOOL_CALLS,
                        "calls",
                        null,
                        "most tool calls a task may ask for",
                        "runs"),
                new Limit(
                        "runs.token-budget",
                        TaskRequest.MAX_TOKEN_BUDGET,
                        "tokens",
                        null,
                        "largest model token budget a task may ask for",
                        "runs"),
                configured(
                        "runs.archive.bytes",
                        "agentry.runs.archive-max-bytes",
                        268_435_456,
                        "bytes",
                        "most bytes an uploaded seed archive unpacks to",
                        "runs"),
                configured(
                        "runs.archive.entries",
                        "agentry.runs.archive-max-entries",
                        20_000,
                        "entries",
                        "most entries in an uploaded seed archive",
                        "runs"),
                configured(
                        "runs.collect.bytes",
                        "agentry.runs.collect-max-bytes",
                        33_554_432,
                        "bytes",
                        "most bytes of workspace a run's evidence collects",
                        "runs"),
                configured(
                        "agents.memory.value",
                        "agentry.memory.max-value-bytes",
                        65_536,
                        "bytes",
                        "largest memory value, as JSON text",
                        "agents"),
                configured(
                        "agents.memory.entries",
                        "agentry.memory.max-entries",
                        1000,
                        "entries",
                        "entries one memory layer holds",
                        "agents"),
                new Limit(
                        "control.approval-ttl",
                        Policies.MAX_TTL.toSeconds(),
                        "seconds",
                        null,
                        "longest time a policy may leave an approval pending before it expires",
                        "control"),
                configured(
                        "mcp.message",
                        "agentry.mcp.max-message-bytes",
                        262_144,
                        "bytes",
                        "largest JSON-RPC message the MCP endpoint reads (payload_too_large beyond)",
                        "mcp"),
                configured(
                        "mcp.sessions.per-credential",
                        "agentry.mcp.max-sessions-per-credential",
                        16,
                        "sessions",
                        "MCP sessions one credential holds at once (one more ends its least recently used)",
                        "mcp"),
                seconds(
                        "mcp.session.idle",
                        "agentry.mcp.session-idle",
                        "PT30M",
                        "how long an unused MCP session lives",
                        "mcp"),
                new Limit(
                        "incidents.window",
                        incidents.window().toSeconds(),
                        "seconds",
                        "agentry.incidents.window",
                        "the window counted incident signals count over",
                        "integration-state"),
                new Limit(
                        "jobs.parameters",
                        JobsService.MAX_PARAMETERS,
                        "parameters",
                        null,
                        "job parameters one start may pass",
                        "operations"));
    }

    private Limit configured(String name, String key, long fallback, String unit, String description, String surface) {
        return new Limit(
                name, config.getOptionalValue(key, Long.class).orElse(fallback), unit, key, description, surface);
    }

    private Limit seconds(String name, String key, String fallback, String description, String surface) {
        Duration value =
                config.getOptionalValue(key, String.class).map(Duration::parse).orElse(Duration.parse(fallback));
        return new Limit(name, value.toSeconds(), "seconds", key, description, surface);
    }
}
