package dev.agentry.it.probe;

import dev.agentry.core.catalog.CatalogWriter;
import dev.agentry.core.changes.ChangeFeed;
import dev.agentry.core.changes.ChangeSequencer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Test-only catalog writers: concurrent transactions that hold their change open for a random while
 * before committing, so changes commit in another order than they were written — what the changes
 * feed must survive without skipping anything. And a stand-in for retention.
 */
@Path("/_probe/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogProbeResource {

    @Inject
    CatalogWriter writer;

    @Inject
    ChangeSequencer sequencer;

    @Inject
    ChangeFeed feed;

    @Resource
    ManagedExecutorService executor;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    /** {@code writers} threads each create {@code each} entries (retitling every 3rd, deleting every 4th). */
    @POST
    @Path("concurrent-writes")
    public Map<String, List<String>> concurrentWrites(
            @QueryParam("writers") int writers, @QueryParam("each") int each, @QueryParam("tag") String tag)
            throws Exception {
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> updated = Collections.synchronizedList(new ArrayList<>());
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writerNo = w;
            running.add(executor.submit(() -> {
                for (int n = 0; n < each; n++) {
                    int i = n;
                    String title = tag + " w" + writerNo + " #" + i;
                    String uid = slowly(() -> writer.draft("journal", title, "probe-" + writerNo + "-" + i, null, tag)
                            .getUid());
                    created.add(uid);
                    if (i % 3 == 0) {
                        slowly(() -> writer.retitle(uid, title + " (edited)").getUid());
                        updated.add(uid);
                    }
                    if (i % 4 == 0) {
                        slowly(() -> {
                            writer.delete("entries", uid);
                            return uid;
                        });
                        deleted.add(uid);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writerDone : running) {
            writerDone.get();
        }
        return Map.of("created", created, "updated", updated, "deleted", deleted);
    }

    /** Places every committed change now, instead of within the second. */
    @POST
    @Path("sequence")
    public int sequence() {
        return sequencer.place();
    }

    /** What retention will do: removes the feed up to a cursor's position and records that it did. */
    @PUT
    @Path("purged-through")
    public void purge(@QueryParam("cursor") String cursor) throws SQLException {
        long position = feed.positionOf(cursor);
        try (Connection c = database.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from change_record where position <= ?");
                PreparedStatement mark = c.prepareStatement(
                        "update change_feed_state set purged_through = greatest(purged_through, ?) where id = 1")) {
            delete.setLong(1, position);
            delete.executeUpdate();
            mark.setLong(1, position);
            mark.executeUpdate();
        }
    }

    private interface Write {
        String run() throws Exception;
    }

    /** One write in its own transaction, held open a little before it commits. */
    private String slowly(Write write) throws Exception {
        tx.begin();
        try {
            String result = write.run();
            Thread.sleep(ThreadLocalRandom.current().nextInt(40));
            tx.commit();
            return result;
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
    }
}
