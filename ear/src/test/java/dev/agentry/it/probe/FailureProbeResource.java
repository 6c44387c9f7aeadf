package dev.agentry.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import javax.sql.DataSource;
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

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    /** Tampers with a stored audit record, as someone with database access could; returns the old value. */
    @PUT
    @Path("audit/{sequence}/outcome/{outcome}")
    public String tamperWithAudit(@PathParam("sequence") long sequence, @PathParam("outcome") String outcome)
            throws java.sql.SQLException {
        try (java.sql.Connection c = database.getConnection()) {
            String old;
            try (var read = c.prepareStatement("select outcome from audit_record where chain_seq = ?")) {
                read.setLong(1, sequence);
                try (var rs = read.executeQuery()) {
                    rs.next();
                    old = rs.getString(1);
                }
            }
            try (var write = c.prepareStatement("update audit_record set outcome = ? where chain_seq = ?")) {
                write.setString(1, outcome);
                write.setLong(2, sequence);
                write.executeUpdate();
            }
            return old;
        }
    }

    @PUT
    @Path("readiness/{state}")
    public void readiness(@PathParam("state") String state) {
        readiness.setUp("up".equals(state));
    }
}
