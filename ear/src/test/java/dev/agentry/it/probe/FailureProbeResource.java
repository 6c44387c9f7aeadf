package dev.agentry.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.health.Readiness;

/** Test-only routes: an unexpected failure, switching {@link ReadinessProbe}, moving {@link ClockProbe}. */
@Path("/_probe")
@RequestScoped
public class FailureProbeResource {

    /** What an unexpected failure's message might contain; it must never reach the caller. */
    public static final String LEAKY_MESSAGE = "connection to jdbc:h2:file:/srv/secret failed, password=hunter2";

    @Inject
    @Readiness
    ReadinessProbe readiness;

    @GET
    @Path("failure")
    public String failure() {
        throw new IllegalStateException(LEAKY_MESSAGE);
    }

    @Inject
    ClockProbe clock;

    /** Moves the application's clock by the given number of seconds from real time (0 puts it back). */
    @PUT
    @Path("clock/{seconds}")
    public void clock(@PathParam("seconds") long seconds) {
        clock.shift(java.time.Duration.ofSeconds(seconds));
    }

    @PUT
    @Path("readiness/{state}")
    public void readiness(@PathParam("state") String state) {
        readiness.setUp("up".equals(state));
    }
}
