package dev.agentry.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Test-only: arms {@link WriteFailureProbe}, and counts what a governed write left in every table it writes. */
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
