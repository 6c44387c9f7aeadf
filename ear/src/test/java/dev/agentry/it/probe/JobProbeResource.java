package dev.agentry.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** Test-only: what a server that was down for a long time remembers of a job's schedule. */
@Path("/_probe/jobs")
@RequestScoped
public class JobProbeResource {

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    /** Moves the schedule's registration 400 days back and forgets its last firing; answers the rows changed. */
    @POST
    @Path("{job}/down-since-last-year")
    @Produces(MediaType.TEXT_PLAIN)
    public String downSinceLastYear(@PathParam("job") String job) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE job_schedule SET registered_at = ?, last_fired_at = NULL WHERE job_name = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(400))));
            update.setString(2, job);
            return Integer.toString(update.executeUpdate());
        }
    }

    /**
     * Records the schedule's last firing {@code days} from now, as a clock stepped forward and back leaves it
     * ({@code days=0} puts it back); answers the rows changed.
     */
    @POST
    @Path("{job}/fired")
    @Produces(MediaType.TEXT_PLAIN)
    public String fired(@PathParam("job") String job, @QueryParam("days") int days) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE job_schedule SET last_fired_at = ? WHERE job_name = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().plus(Duration.ofDays(days))));
            update.setString(2, job);
            return Integer.toString(update.executeUpdate());
        }
    }

    /** The schedule's last firing as stored (ISO-8601), or nothing. */
    @POST
    @Path("{job}/last-fired")
    @Produces(MediaType.TEXT_PLAIN)
    public String lastFired(@PathParam("job") String job) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT last_fired_at FROM job_schedule WHERE job_name = ?")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                Timestamp at = row.next() ? row.getTimestamp(1) : null;
                return at == null ? "" : at.toInstant().toString();
            }
        }
    }
}
