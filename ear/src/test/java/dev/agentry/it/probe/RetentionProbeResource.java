package dev.agentry.it.probe;

import dev.agentry.core.runs.RunWorkspace;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Test-only: a backlog for retention, written as years of use would leave it — old change records, old
 * deliveries and diagnostics, finished runs with bundles — and a switch that fails one chunk.
 */
@Path("/_probe/retention")
@RequestScoped
public class RetentionProbeResource {

    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(400));

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    @Inject
    RunWorkspace files;

    /** Ages the feed from its start through {@code count} more changes; answers how many changes it aged. */
    @POST
    @Path("age-changes")
    @Produces(MediaType.TEXT_PLAIN)
    public String ageChanges(@QueryParam("count") int count) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement through =
                        c.prepareStatement("select purged_through from change_feed_state where id = 1");
                PreparedStatement age = c.prepareStatement(
                        "update change_record set changed_at = ? where position > ? and position <= ?")) {
            long purged;
            try (ResultSet row = through.executeQuery()) {
                row.next();
                purged = row.getLong(1);
            }
            age.setTimestamp(1, Timestamp.from(LONG_AGO));
            age.setLong(2, purged);
            age.setLong(3, purged + count);
            return Integer.toString(age.executeUpdate());
        }
    }

    /** Ages every succeeded delivery of a subscription; answers how many. */
    @POST
    @Path("age-deliveries")
    @Produces(MediaType.TEXT_PLAIN)
    public String ageDeliveries(@QueryParam("subscription") long subscription) throws Exception {
        return Integer.toString(update(
                "update webhook_delivery set updated_at = ? where subscription_id = ? and status = 'succeeded'",
                subscription));
    }

    /** Ages every diagnostics record; answers how many. */
    @POST
    @Path("age-diagnostics")
    @Produces(MediaType.TEXT_PLAIN)
    public String ageDiagnostics(@QueryParam("execution") long execution) throws Exception {
        return Integer.toString(
                update("update diagnostic_record set recorded_at = ? where job_execution_id = ?", execution));
    }

    /** A run that finished {@code days} ago, kept {@code retentionDays}, with a bundle file; answers its id. */
    @POST
    @Path("finished-run")
    @Produces(MediaType.TEXT_PLAIN)
    public String finishedRun(
            @QueryParam("days") int days,
            @QueryParam("retentionDays") int retentionDays,
            @QueryParam("bundleId") String bundleId,
            @QueryParam("leftovers") boolean leftovers)
            throws Exception {
        String id = "run_retention" + System.nanoTime();
        Instant finished = Instant.now().minus(Duration.ofDays(days));
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_run (id, credential_id,"
                        + " agent_slug, idempotency_key, request_hash, task_input, effective_scopes, effective_tools,"
                        + " status, cancel_requested, retention_days, created_at, started_at, finished_at, bundle_id, version)"
                        + " VALUES (?, 'retention', 'demo', ?, 'x', '{}', '[]', '[]', 'succeeded', FALSE, ?, ?, ?, ?, ?,"
                        + " 0)")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setInt(3, retentionDays);
            insert.setTimestamp(4, Timestamp.from(finished));
            insert.setTimestamp(5, Timestamp.from(finished));
            insert.setTimestamp(6, Timestamp.from(finished));
            insert.setString(7, bundleId);
            insert.executeUpdate();
        }
        java.nio.file.Path bundle = files.artifacts(id);
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("manifest.json"), "{}");
        if (leftovers) { // what a failed cleanup leaves
            Files.createDirectories(files.workspace(id));
            Files.writeString(files.workspace(id).resolve("notes.txt"), "left behind");
        }
        return id;
    }

    /** A run directory no run row belongs to, unchanged for {@code days}; answers its name. */
    @POST
    @Path("orphan-directory")
    @Produces(MediaType.TEXT_PLAIN)
    public String orphanDirectory(@QueryParam("days") int days) throws Exception {
        String name = "run_orphan" + System.nanoTime();
        java.nio.file.Path directory = files.directory(name);
        Files.createDirectories(directory.resolve("workspace"));
        Files.writeString(directory.resolve("workspace").resolve("file.txt"), "orphaned");
        Files.setLastModifiedTime(directory, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
        return name;
    }

    /** A catalog import file unchanged for {@code days}; answers its name. */
    @POST
    @Path("import-file")
    @Produces(MediaType.TEXT_PLAIN)
    public String importFile(@QueryParam("days") int days) throws Exception {
        java.nio.file.Path imports = files.root().resolveSibling("imports");
        Files.createDirectories(imports);
        java.nio.file.Path file = imports.resolve("probe-" + System.nanoTime() + ".csv");
        Files.writeString(file, "collection,name\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
        return file.getFileName().toString();
    }

    /** Whether a path under the server's {@code data/agentry} directory exists: {@code true} or {@code false}. */
    @POST
    @Path("on-disk")
    @Produces(MediaType.TEXT_PLAIN)
    public String onDisk(@QueryParam("path") String path) {
        java.nio.file.Path base = files.root().getParent();
        java.nio.file.Path target = base.resolve(path).normalize();
        if (!target.startsWith(base)) {
            throw new IllegalArgumentException(path);
        }
        return Boolean.toString(Files.exists(target));
    }

    /** Whether the run's row and its directory exist, e.g. {@code true true}. */
    @POST
    @Path("run-exists")
    @Produces(MediaType.TEXT_PLAIN)
    public String runExists(@QueryParam("id") String id) throws Exception {
        boolean row;
        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement("select count(*) from agent_run where id = ?")) {
            select.setString(1, id);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                row = r.getInt(1) == 1;
            }
        }
        return row + " " + Files.exists(files.directory(id));
    }

    /** {@code count} diagnostics records long past the horizon, of executions that never existed. */
    @POST
    @Path("old-diagnostics")
    @Produces(MediaType.TEXT_PLAIN)
    public String oldDiagnostics(@QueryParam("count") int count) throws Exception {
        long base = -System.nanoTime() / 1000;
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into diagnostic_record (job_execution_id, note,"
                        + " schema_version, database_product, recorded_at) values (?, 'old', '1', 'H2', ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setLong(1, base - i);
                insert.setTimestamp(2, Timestamp.from(LONG_AGO));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return Integer.toString(count);
    }

    /**
     * Webhook history of a disabled subscription: an old succeeded delivery with two attempts (expired), a
     * recent one (kept), an old dead letter (expired), an old succeeded delivery whose dead letter was
     * replayed recently (kept), and their events. Answers the ids, space-separated: subscription, events 1-4,
     * deliveries 1-4.
     */
    @POST
    @Path("webhook-backlog")
    @Produces(MediaType.TEXT_PLAIN)
    public String webhookBacklog() throws Exception {
        long base = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 100;
        long subscription = base;
        long[] events = {base + 1, base + 2, base + 3, base + 4};
        long[] deliveries = {base + 11, base + 12, base + 13, base + 14};
        Instant recent = Instant.now();
        try (Connection c = database.getConnection()) {
            execute(
                    c,
                    "insert into webhook_subscription (id, uid, credential_id, url, event_types, secret, status,"
                            + " created_at, updated_at, version) values (?, ?, 'retention', 'http://127.0.0.1:9/', '[]',"
                            + " 'x', 'disabled', ?, ?, 0)",
                    subscription,
                    "sub-" + base,
                    LONG_AGO,
                    LONG_AGO);
            Instant[] occurred = {LONG_AGO, LONG_AGO, recent, LONG_AGO};
            for (int i = 0; i < 4; i++) {
                execute(
                        c,
                        "insert into webhook_event (id, event_id, type, occurred_at, payload, routed)"
                                + " values (?, ?, 'entry.updated', ?, '{}', true)",
                        events[i],
                        "evt-" + events[i],
                        occurred[i]);
            }
            String delivery = "insert into webhook_delivery (id, event_ref, subscription_id, status, attempts,"
                    + " created_at, updated_at, version) values (?, ?, ?, ?, 1, ?, ?, 0)";
            execute(c, delivery, deliveries[0], events[0], subscription, "succeeded", LONG_AGO, LONG_AGO);
            execute(c, delivery, deliveries[1], events[2], subscription, "succeeded", recent, recent);
            execute(c, delivery, deliveries[2], events[1], subscription, "dead", LONG_AGO, LONG_AGO);
            execute(c, delivery, deliveries[3], events[3], subscription, "succeeded", LONG_AGO, LONG_AGO);
            String attempt = "insert into webhook_attempt (id, delivery_id, attempt_number, attempted_at, latency_ms,"
                    + " outcome) values (?, ?, ?, ?, 5, 'delivered')";
            execute(c, attempt, base + 21, deliveries[0], 1, LONG_AGO);
            execute(c, attempt, base + 22, deliveries[0], 2, LONG_AGO);
            String deadLetter = "insert into webhook_dead_letter (id, delivery_id, subscription_id, event_type, reason,"
                    + " failed_at, replay_count, last_replayed_at) values (?, ?, ?, 'entry.updated', 'gone', ?, ?, ?)";
            execute(c, deadLetter, base + 31, deliveries[2], subscription, LONG_AGO, 0, null);
            execute(c, deadLetter, base + 32, deliveries[3], subscription, LONG_AGO, 1, recent);
        }
        StringBuilder ids = new StringBuilder().append(subscription);
        for (long id : events) {
            ids.append(' ').append(id);
        }
        for (long id : deliveries) {
            ids.append(' ').append(id);
        }
        return ids.toString();
    }

    /** How many rows of an allowed table have the id: 0 or 1. */
    @POST
    @Path("exists")
    @Produces(MediaType.TEXT_PLAIN)
    public String exists(@QueryParam("table") String table, @QueryParam("id") long id) throws Exception {
        if (!java.util.Set.of("webhook_event", "webhook_delivery", "webhook_attempt", "webhook_dead_letter")
                .contains(table)) {
            throw new IllegalArgumentException(table);
        }
        try (Connection c = database.getConnection();
                PreparedStatement select = c.prepareStatement("select count(*) from " + table + " where id = ?")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return Integer.toString(r.getInt(1));
            }
        }
    }

    /** How many diagnostics records are past the default horizon. */
    @POST
    @Path("old-diagnostics-left")
    @Produces(MediaType.TEXT_PLAIN)
    public String oldDiagnosticsLeft() throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select count(*) from diagnostic_record where recorded_at < ?")) {
            select.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(90))));
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return Integer.toString(r.getInt(1));
            }
        }
    }

    /** Sets a configuration key for a while ({@link ProbeConfigSource}); an empty value removes it. */
    @POST
    @Path("config")
    public void config(@QueryParam("key") String key, @QueryParam("value") String value) {
        if (!key.startsWith("agentry.retention.")) {
            throw new IllegalArgumentException(key);
        }
        ProbeConfigSource.set(key, value);
    }

    /** The {@code chunk}-th chunk of the {@code kind} step from now fails once. */
    @POST
    @Path("fail")
    public void fail(@QueryParam("kind") String kind, @QueryParam("chunk") int chunk) {
        PurgeFailureProbe.arm(kind, chunk);
    }

    private static void execute(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant at ? Timestamp.from(at) : values[i];
                if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.executeUpdate();
        }
    }

    private int update(String sql, long key) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(LONG_AGO));
            update.setLong(2, key);
            return update.executeUpdate();
        }
    }
}
