package dev.agentry.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Test-only: another node sharing the database, as this one sees it — rows it changed and committed, written
 * with plain JDBC, never through this node's code, so nothing on this node hears of them but through the
 * database.
 */
@Path("/_probe/shared-state")
@RequestScoped
public class SharedStateProbeResource {

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @Inject
    Clock clock;

    /**
     * Sets a credential's status as another node's operator would: the row and, unless {@code signal=false},
     * its signal, in one transaction, committed before the answer.
     */
    @POST
    @Path("credentials/{id}/status/{status}")
    public void status(
            @PathParam("id") String id,
            @PathParam("status") String status,
            @QueryParam("signal") @DefaultValue("true") boolean signal)
            throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement change = c.prepareStatement(
                            "update credential set status = ?, updated_at = ?, version = version + 1 where uid = ?");
                    PreparedStatement announce = c.prepareStatement(
                            "insert into cluster_signal (kind, subject, created_at) values ('credential', ?, ?)")) {
                change.setString(1, status);
                change.setTimestamp(2, now);
                change.setString(3, id);
                if (change.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no credential " + id);
                }
                if (signal) {
                    announce.setString(1, id);
                    announce.setTimestamp(2, now);
                    announce.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Adds {@code requests} to the credential's current window as another node's sync would; answers the
     * window's total.
     */
    @POST
    @Path("rate-windows/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String used(@PathParam("id") String id, @QueryParam("requests") int requests) throws SQLException {
        long minute = Math.floorDiv(clock.millis(), 60_000L);
        try (Connection c = database.getConnection();
                PreparedStatement add = c.prepareStatement(
                        "update rate_window set used = used + ? where credential_id = ? and window_minute = ?");
                PreparedStatement insert = c.prepareStatement(
                        "insert into rate_window (credential_id, window_minute, used) values (?, ?, ?)");
                PreparedStatement total = c.prepareStatement(
                        "select used from rate_window where credential_id = ? and window_minute = ?")) {
            add.setLong(1, requests);
            add.setString(2, id);
            add.setLong(3, minute);
            if (add.executeUpdate() == 0) {
                insert.setString(1, id);
                insert.setLong(2, minute);
                insert.setLong(3, requests);
                insert.executeUpdate();
            }
            total.setString(1, id);
            total.setLong(2, minute);
            try (ResultSet row = total.executeQuery()) {
                row.next();
                return Long.toString(row.getLong(1));
            }
        }
    }
}
