package dev.agentry.it.probe;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.runs.RunWorkspace;
import dev.agentry.core.sessions.SessionTranscripts;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test-only: what a server that died mid-run leaves behind — a run row still {@code running}, its
 * heartbeat ten minutes old, and a workspace with a file in it — for the watchdog to find.
 */
@Path("/_probe/runs")
@RequestScoped
public class RunProbeResource {

    @Inject
    RunWorkspace files;

    @Inject
    SessionTranscripts transcripts;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @POST
    @Path("orphan")
    @Produces(MediaType.TEXT_PLAIN)
    public String orphan(String owner) throws Exception {
        String id = insertOrphan(owner == null || owner.isBlank() ? "orphan" : owner.strip(), "demo", null);
        Files.createDirectories(files.workspace(id));
        Files.writeString(files.workspace(id).resolve("left-behind.txt"), "the server died here\n");
        return id;
    }

    /**
     * What a server that died during a run on a session leaves behind: the run still {@code running} with
     * its heartbeat ten minutes old, holding the session's single-writer lock, and the first message it
     * had said in the transcript, appended by the core's own append (which writes only for the holder).
     */
    @POST
    @Path("orphan-in-session")
    @Produces(MediaType.TEXT_PLAIN)
    public String orphanInSession(
            @QueryParam("owner") String owner,
            @QueryParam("session") String session,
            @QueryParam("agent") String agent,
            String goal)
            throws Exception {
        String id = insertOrphan(owner, agent, session);
        try (Connection connection = database.getConnection();
                PreparedStatement lock = connection.prepareStatement("UPDATE agent_session SET holder_run_id = ?,"
                        + " run_count = run_count + 1 WHERE credential_id = ? AND session_id = ?"
                        + " AND holder_run_id IS NULL")) {
            lock.setString(1, id);
            lock.setString(2, owner);
            lock.setString(3, session);
            if (lock.executeUpdate() != 1) {
                throw new IllegalStateException("the session is not there, or not free");
            }
        }
        Message said = new Message(
                1,
                "text",
                "user",
                Instant.now().toString(),
                Jsonp.createObjectBuilder().add("text", goal).build());
        if (!transcripts.append(id, owner, session, said)) {
            throw new IllegalStateException("the orphan does not hold the session");
        }
        return id;
    }

    private String insertOrphan(String owner, String agent, String session) throws Exception {
        String id = "run_" + UUID.randomUUID().toString().replace("-", "");
        Instant stale = Instant.now().minusSeconds(600);
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_run (id, credential_id,"
                        + " agent_slug, idempotency_key, request_hash, task_input, effective_scopes, effective_tools,"
                        + " status, cancel_requested, retention_days, created_at, started_at, heartbeat_at, deadline_at,"
                        + " version, session_id) VALUES (?, ?, ?, ?, 'x', '{}', '[]', '[]', 'running', FALSE, 30, ?, ?,"
                        + " ?, ?, 0, ?)")) {
            insert.setString(1, id);
            insert.setString(2, owner);
            insert.setString(3, agent);
            insert.setString(4, id);
            insert.setTimestamp(5, Timestamp.from(stale));
            insert.setTimestamp(6, Timestamp.from(stale));
            insert.setTimestamp(7, Timestamp.from(stale));
            insert.setTimestamp(8, Timestamp.from(stale.plusSeconds(3600)));
            insert.setString(9, session);
            insert.executeUpdate();
        }
        return id;
    }

    /** Whether the run's workspace directory still exists. */
    @POST
    @Path("workspace-exists")
    @Produces(MediaType.TEXT_PLAIN)
    public String workspaceExists(String id) {
        return Boolean.toString(Files.exists(files.workspace(id.strip())));
    }
}
