package dev.agentry.api.capabilities;

import dev.agentry.core.audit.AuditService;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.incidents.IncidentSettings;
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

    /**
     * One limit.
     *
     * @param name what is bounded, e.g. {@code request.body}
     * @param value the bound on this server
     * @param unit what {@code value} counts
     * @param configKey the configuration key that sets it, or null for a fixed bound
     */
    public record Limit(String name, long value, String unit, String configKey, String description) {}

    @Inject
    Config config;

    @Inject
    IncidentSettings incidents;

    public List<Limit> all() {
        return List.of(
                new Limit("page.limit", PageLimit.MAX, "records", null, "largest limit of a list page"),
                new Limit(
                        "page.limit.default", PageLimit.DEFAULT, "records", null, "a page's size when limit is absent"),
                new Limit(
                        "audit.page.limit", AuditService.MAX_PAGE, "records", null, "largest limit of an /audit page"),
                configured(
                        "request.body",
                        "agentry.api.max-request-bytes",
                        1_048_576,
                        "bytes",
                        "largest request body read"),
                configured("request.query", "agentry.api.max-query-bytes", 8192, "bytes", "longest query string read"),
                configured(
                        "rate.per-credential",
                        "agentry.rate-limit.per-minute",
                        600,
                        "requests per minute",
                        "requests one credential may make (429 with Retry-After beyond)"),
                configured(
                        "runs.concurrent",
                        "agentry.runs.max-concurrent",
                        2,
                        "runs",
                        "runs executing at once; more queue"),
                seconds(
                        "runs.timeout.default",
                        "agentry.runs.default-timeout",
                        "PT10M",
                        "a run's timeout when its task names none"),
                seconds(
                        "runs.timeout.max",
                        "agentry.runs.max-timeout",
                        "PT1H",
                        "the longest timeout a task may ask for"),
                new Limit(
                        "incidents.window",
                        incidents.window().toSeconds(),
                        "seconds",
                        "agentry.incidents.window",
                        "the window counted incident signals count over"));
    }

    private Limit configured(String name, String key, long fallback, String unit, String description) {
        return new Limit(name, config.getOptionalValue(key, Long.class).orElse(fallback), unit, key, description);
    }

    private Limit seconds(String name, String key, String fallback, String description) {
        Duration value =
                config.getOptionalValue(key, String.class).map(Duration::parse).orElse(Duration.parse(fallback));
        return new Limit(name, value.toSeconds(), "seconds", key, description);
    }
}
