package dev.agentry.it.probe;

import dev.agentry.core.cluster.ClusterNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Test-only: a second node as the shared database shows it — its membership row, a lease it holds, and job
 * executions it started — without a second server.
 */
@Path("/_probe/cluster")
@RequestScoped
public class ClusterProbeResource {

    @Inject
    ClusterNode node;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @Resource(lookup = "java:jboss/datasources/AgentryBatchDS")
    DataSource jobRepository;

    /** This node's name. */
    @GET
    @Path("node")
    @Produces(MediaType.TEXT_PLAIN)
    public String node() {
        return node.name();
    }

    /** Records {@code node} as last seen {@code seconds} from now (negative: in the past). */
    @PUT
    @Path("members/{node}")
    public void seen(@PathParam("node") String member, @QueryParam("seconds") long seconds) throws SQLException {
        Timestamp at = Timestamp.from(Instant.now().plusSeconds(seconds));
        try (Connection c = database.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM cluster_member WHERE node = ?")) {
                delete.setString(1, member);
                delete.executeUpdate();
            }
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO cluster_member (node, started_at, seen_at) VALUES (?, ?, ?)")) {
                insert.setString(1, member);
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.executeUpdate();
            }
        }
    }

    @DELETE
    @Path("members/{node}")
    public void forget(@PathParam("node") String member) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM cluster_member WHERE node = ?")) {
            delete.setString(1, member);
            delete.executeUpdate();
        }
    }

    /** Gives the duty's lease to {@code holder} until {@code seconds} from now (real time), or frees it without. */
    @PUT
    @Path("leases/{duty}")
    public void lease(
            @PathParam("duty") String duty, @QueryParam("holder") String holder, @QueryParam("seconds") long seconds)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp until = Timestamp.from(Instant.now().plusSeconds(seconds));
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE cluster_lease SET holder = ?, acquired_at = ?, expires_at = ? WHERE duty = ?")) {
            update.setString(1, holder);
            update.setTimestamp(2, holder == null ? null : now);
            update.setTimestamp(3, holder == null ? null : until);
            update.setString(4, duty);
            if (update.executeUpdate() != 1) {
                throw new NotFoundException(duty);
            }
        }
    }

    /** The duty's holder as stored, or nothing. */
    @GET
    @Path("leases/{duty}")
    @Produces(MediaType.TEXT_PLAIN)
    public String holder(@PathParam("duty") String duty) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT holder FROM cluster_lease WHERE duty = ?")) {
            select.setString(1, duty);
            try (ResultSet row = select.executeQuery()) {
                String holder = row.next() ? row.getString(1) : null;
                return holder == null ? "" : holder;
            }
        }
    }

    /**
     * Locks the duty's row for {@code millis} in a transaction of its own, as another node's batch of the duty
     * does ({@code SELECT ... FOR UPDATE}); answers once it has let go.
     */
    @POST
    @Path("leases/{duty}/lock")
    public void lock(@PathParam("duty") String duty, @QueryParam("millis") long millis)
            throws SQLException, InterruptedException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement select =
                    c.prepareStatement("SELECT duty FROM cluster_lease WHERE duty = ? FOR UPDATE")) {
                select.setString(1, duty);
                select.executeQuery().close();
                Thread.sleep(millis);
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * An execution of {@code job} that {@code node} started and that is still running as the job repository
     * records it (no node: one started before nodes were recorded); answers its id.
     */
    @POST
    @Path("executions")
    @Produces(MediaType.TEXT_PLAIN)
    public String running(@QueryParam("job") String job, @QueryParam("node") String startedBy) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = jobRepository.getConnection()) {
            String application;
            try (PreparedStatement select = c.prepareStatement("SELECT APPLICATIONNAME FROM JOB_INSTANCE WHERE"
                    + " JOBINSTANCEID = (SELECT MAX(JOBINSTANCEID) FROM JOB_INSTANCE)")) {
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    application = row.getString(1);
                }
            }
            long instance;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO JOB_INSTANCE (VERSION, JOBNAME, APPLICATIONNAME) VALUES (0, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, job);
                insert.setString(2, application);
                insert.executeUpdate();
                instance = generated(insert);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO JOB_EXECUTION (JOBINSTANCEID, VERSION, CREATETIME, STARTTIME, LASTUPDATEDTIME,"
                            + " BATCHSTATUS, JOBPARAMETERS) VALUES (?, 0, ?, ?, ?, 'STARTED', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, instance);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setString(5, "millis = 1\n" + (startedBy == null ? "" : "agentry.node = " + startedBy + "\n"));
                insert.executeUpdate();
                return Long.toString(generated(insert));
            }
        }
    }

    /** Removes an execution {@link #running} made, with its job instance. */
    @DELETE
    @Path("executions/{id}")
    public void remove(@PathParam("id") long id) throws SQLException {
        try (Connection c = jobRepository.getConnection();
                PreparedStatement instance = c.prepareStatement("DELETE FROM JOB_INSTANCE WHERE JOBINSTANCEID ="
                        + " (SELECT JOBINSTANCEID FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?)")) {
            instance.setLong(1, id);
            instance.executeUpdate(); // its execution goes with it (ON DELETE CASCADE)
        }
    }

    private static long generated(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
