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
}
