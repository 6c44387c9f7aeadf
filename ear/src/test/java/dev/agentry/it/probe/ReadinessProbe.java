package dev.agentry.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A readiness check a test can switch down, to see how readiness reports a failing check. */
@Readiness
@ApplicationScoped
public class ReadinessProbe implements HealthCheck {

    public static final String NAME = "test-probe";

    private volatile boolean up = true;

    public void setUp(boolean up) {
        this.up = up;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(up).build();
    }
}
