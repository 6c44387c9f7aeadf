package dev.agentry.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test-only: arms {@link WriteFailureProbe}, counts what a governed write left in every table it writes,
 * and, for expiry at start, makes an approval overdue behind the application's back, reads what is stored
 * of it, and sets the sweep's interval for the next deployment (a JVM system property outlives a redeploy).
 */
@Path("/_probe/control")
@RequestScoped
public class ControlProbeResource {

    @Inject
    WriteFailureProbe probe;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @PUT
    @Path("fail-write/{slug}")
    public void arm(@PathParam("slug") String slug) {
        probe.arm(slug);
    }

    @DELETE
    @Path("fail-write")
    public void disarm() {
        probe.arm(null);
    }

    /** Rows naming the tag {@code slug} or the execution key {@code key}, per table. */
    @GET
    @Path("traces")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> traces(@QueryParam("slug") String slug, @QueryParam("key") String key)
            throws SQLException {
        String like = "%\"slug\":\"" + slug + "\"%";
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = database.getConnection()) {
            counts.put("tag", count(c, "select count(*) from tag where slug = ?", slug));
            counts.put("change_record", count(c, "select count(*) from change_record where snapshot like ?", like));
            counts.put("webhook_event", count(c, "select count(*) from webhook_event where payload like ?", like));
            counts.put(
                    "control_execution",
                    count(c, "select count(*) from control_execution where idempotency_key = ?", key));
            counts.put(
                    "audit_record",
                    count(
                            c,
                            "select count(*) from audit_record where action = 'control.tag.create' and target in"
                                    + " (select uid from tag where slug = ?)",
                            slug));
        }
        return counts;
    }

    /** Stores an expiry a minute ago, as if the server had been down while the approval expired. */
    @PUT
    @Path("overdue/{approvalId}")
    public void overdue(@PathParam("approvalId") String approvalId) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement update =
                        c.prepareStatement("update control_approval set expires_at = ? where id = ?")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
            update.setString(2, approvalId);
            if (update.executeUpdate() != 1) {
                throw new NotFoundException(approvalId);
            }
        }
    }

    /** The approval's stored status (not the one computed when read) and its approval.expired events. */
    @GET
    @Path("stored/{approvalId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> stored(@PathParam("approvalId") String approvalId) throws SQLException {
        Map<String, Object> stored = new LinkedHashMap<>();
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("select status from control_approval where id = ?")) {
            query.setString(1, approvalId);
            try (ResultSet rs = query.executeQuery()) {
                stored.put("status", rs.next() ? rs.getString(1) : null);
            }
            stored.put(
                    "expiredEvents",
                    count(
                            c,
                            "select count(*) from webhook_event where type = 'approval.expired' and payload like ?",
                            "%\"approvalId\":\"" + approvalId + "\"%"));
        }
        return stored;
    }

    /**
     * Sets {@code agentry.control.expiry-interval} as a system property, which the next deployment reads;
     * answers the value it replaced.
     */
    @PUT
    @Path("expiry-interval/{value}")
    @Produces(MediaType.TEXT_PLAIN)
    public String expiryInterval(@PathParam("value") String value) {
        String previous = System.setProperty("agentry.control.expiry-interval", value);
        return previous == null ? "" : previous;
    }

    private static int count(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
