package dev.agentry.it.probe;

import dev.agentry.core.catalog.CatalogWriter;
import dev.agentry.persistence.catalog.Tag;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Test-only: a catalog change whose transaction commits or rolls back, and the outbox it leaves. */
@Path("/_probe/webhooks")
@RequestScoped
public class WebhookProbeResource {

    @Inject
    CatalogWriter writer;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    /** Creates tag {@code slug} and commits or rolls back; answers how many outbox events name it. */
    @POST
    @Path("outbox")
    public int outbox(@QueryParam("slug") String slug, @QueryParam("commit") boolean commit) throws Exception {
        tx.begin();
        writer.create(new Tag("Outbox " + slug, slug));
        if (commit) {
            tx.commit();
        } else {
            tx.rollback();
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM webhook_event WHERE payload LIKE ?")) {
            query.setString(1, "%\"slug\":\"" + slug + "\"%");
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /**
     * Adds {@code count} (at most 300) dead letters to subscription {@code uid}, each with its dead
     * delivery and event of type {@code probe.paged}, failed now: a queue longer than the console shows at
     * once. Answers how many were added.
     */
    @POST
    @Path("dead-letters")
    public int deadLetters(@QueryParam("subscription") String uid, @QueryParam("count") int count) throws Exception {
        if (count < 1 || count > 300) {
            throw new IllegalArgumentException("count " + count);
        }
        long base = 7_000_000_000L + (System.nanoTime() % 1_000_000) * 1000;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = database.getConnection()) {
            long subscription;
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM webhook_subscription WHERE uid = ?")) {
                find.setString(1, uid);
                try (ResultSet found = find.executeQuery()) {
                    if (!found.next()) {
                        throw new IllegalArgumentException(uid);
                    }
                    subscription = found.getLong(1);
                }
            }
            try (PreparedStatement event = c.prepareStatement("INSERT INTO webhook_event (id, event_id, type,"
                            + " occurred_at, payload, routed) VALUES (?, ?, 'probe.paged', ?, '{}', true)");
                    PreparedStatement delivery = c.prepareStatement("INSERT INTO webhook_delivery (id, event_ref,"
                            + " subscription_id, status, attempts, created_at, updated_at, version)"
                            + " VALUES (?, ?, ?, 'dead', 1, ?, ?, 0)");
                    PreparedStatement letter = c.prepareStatement("INSERT INTO webhook_dead_letter (id, delivery_id,"
                            + " subscription_id, event_type, reason, failed_at, replay_count)"
                            + " VALUES (?, ?, ?, 'probe.paged', 'probe', ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    event.setLong(1, base + i);
                    event.setString(2, "evt-" + (base + i));
                    event.setTimestamp(3, now);
                    event.addBatch();
                    delivery.setLong(1, base + 300 + i);
                    delivery.setLong(2, base + i);
                    delivery.setLong(3, subscription);
                    delivery.setTimestamp(4, now);
                    delivery.setTimestamp(5, now);
                    delivery.addBatch();
                    letter.setLong(1, base + 600 + i);
                    letter.setLong(2, base + 300 + i);
                    letter.setLong(3, subscription);
                    letter.setTimestamp(4, now);
                    letter.addBatch();
                }
                event.executeBatch();
                delivery.executeBatch();
                letter.executeBatch();
            }
        }
        return count;
    }
}
