package dev.agentry.core.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the webhook dispatcher ticks (SPEC section 5): a stuck one delivers nothing. */
@Readiness
@ApplicationScoped
class DispatcherReadiness implements HealthCheck {

    static final String NAME = "webhook-dispatcher";

    @Inject
    WebhookDispatcher dispatcher;

    @Override
    public HealthCheckResponse call() {
        Instant last = dispatcher.lastTick();
        // A tick may work through a backlog for up to ten seconds before the next one starts.
        Duration allowed = dispatcher.interval().multipliedBy(3).plusSeconds(15);
        boolean ticking = last != null && Instant.now().isBefore(last.plus(allowed));
        return HealthCheckResponse.named(NAME)
                .status(ticking)
                .withData("lastTick", last == null ? "never" : last.toString())
                .build();
    }
}
