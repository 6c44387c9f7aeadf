package dev.agentry.core.health;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * The outcome of running a set of named checks: up only when every check is up. A check that throws
 * counts as down, and its exception stays in the server log, never in the report.
 *
 * @param up whether every check is up
 * @param checks each check by name, in name order
 */
public record HealthReport(boolean up, List<Check> checks) implements Serializable {

    private static final Logger LOG = Logger.getLogger(HealthReport.class);

    /**
     * One named check.
     *
     * @param name the check's stable name, e.g. {@code database}
     * @param up whether it passed
     * @param data what it observed; never a secret
     */
    public record Check(String name, boolean up, Map<String, Object> data) implements Serializable {}

    public HealthReport {
        checks = List.copyOf(checks);
    }

    public static HealthReport of(Iterable<? extends HealthCheck> healthChecks) {
        List<Check> results = new ArrayList<>();
        for (HealthCheck healthCheck : healthChecks) {
            results.add(run(healthCheck));
        }
        results.sort(Comparator.comparing(Check::name));
        return new HealthReport(results.stream().allMatch(Check::up), results);
    }

    /** The names of the checks that are down, for an operator's one-line answer. */
    public List<String> failing() {
        return checks.stream().filter(c -> !c.up()).map(Check::name).toList();
    }

    private static Check run(HealthCheck healthCheck) {
        try {
            HealthCheckResponse response = healthCheck.call();
            Map<String, Object> data = new TreeMap<>(response.getData().orElse(Map.of()));
            return new Check(response.getName(), response.getStatus() == HealthCheckResponse.Status.UP, data);
        } catch (RuntimeException e) {
            String name = healthCheck.getClass().getSimpleName();
            LOG.warnf(e, "Health check %s failed", name);
            return new Check(name, false, Map.of("error", "the check could not complete"));
        }
    }
}
