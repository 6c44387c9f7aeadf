package dev.agentry.it.probe;

import dev.agentry.core.runs.RunWorkspace;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @POST
    @Path("orphan")
    @Produces(MediaType.TEXT_PLAIN)
    public String orphan(String owner) throws Exception {
        String id = "run_" + UUID.randomUUID().toString().replace("-", "");
        Instant stale = Instant.now().minusSeconds(600);
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_run (id, credential_id,"
                        + " agent_slug, idempotency_key, request_hash, task_input, effective_scopes, effective_tools,"
                        + " status, cancel_requested, retention_days, created_at, started_at, heartbeat_at, deadline_at,"
                        + " version) VALUES (?, ?, 'demo', ?, 'x', '{}', '[]', '[]', 'running', FALSE, 30, ?, ?, ?,"
                        + " ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, owner == null || owner.isBlank() ? "orphan" : owner.strip());
            insert.setString(3, id);
            insert.setTimestamp(4, Timestamp.from(stale));
            insert.setTimestamp(5, Timestamp.from(stale));
            insert.setTimestamp(6, Timestamp.from(stale));
            insert.setTimestamp(7, Timestamp.from(stale.plusSeconds(3600)));
            insert.executeUpdate();
        }
        Files.createDirectories(files.workspace(id));
        Files.writeString(files.workspace(id).resolve("left-behind.txt"), "the server died here\n");
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
