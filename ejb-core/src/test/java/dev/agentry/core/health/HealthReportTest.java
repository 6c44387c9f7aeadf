package dev.agentry.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthCheck check(String name, Status status) {
        return () -> new HealthCheckResponse(name, status, Optional.of(Map.of("observed", name)));
    }

    @Test
    void upWhenEveryCheckIsUpAndChecksAreListedByName() {
        HealthReport report = HealthReport.of(List.of(check("migrations", Status.UP), check("database", Status.UP)));

        assertTrue(report.up());
        assertEquals(
                List.of("database", "migrations"),
                report.checks().stream().map(HealthReport.Check::name).toList());
        assertEquals(Map.of("observed", "database"), report.checks().get(0).data());
        assertEquals(List.of(), report.failing());
    }

    @Test
    void oneDownCheckMakesTheReportDownAndIsNamed() {
        HealthReport report =
                HealthReport.of(List.of(check("database", Status.UP), check("job-repository", Status.DOWN)));

        assertFalse(report.up());
        assertEquals(List.of("job-repository"), report.failing());
    }

    @Test
    void aThrowingCheckIsDownWithoutLeakingItsException() {
        HealthCheck broken = () -> {
            throw new IllegalStateException("jdbc:h2:file:/secret/path password=hunter2");
        };

        HealthReport report = HealthReport.of(List.of(broken));

        assertFalse(report.up());
        HealthReport.Check check = report.checks().get(0);
        assertFalse(check.up());
        assertFalse(check.data().toString().contains("hunter2"));
        assertFalse(check.data().toString().contains("IllegalStateException"));
    }

    @Test
    void noChecksMeansUp() {
        assertTrue(HealthReport.of(List.of()).up());
    }
}
