package dev.agentry.it.probe;

import dev.agentry.core.admin.AdminAccounts;
import dev.agentry.persistence.admin.AdminAccount;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Test-only: a console administrator of the test's own, so locking it out disturbs no other test. */
@Path("/_probe/admins")
@RequestScoped
public class AdminProbeResource {

    @Inject
    AdminAccounts accounts;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /** The password comes in the body: a query string would land in the access log. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public void create(@QueryParam("username") String username, String password) {
        accounts.create(username, password.toCharArray());
    }

    /** An administrator whose hash is stored as given: one an earlier version of the server wrote. */
    @POST
    @Path("stored-hash")
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public void createWithStoredHash(@QueryParam("username") String username, String hash) {
        em.persist(new AdminAccount(username, hash, Instant.now()));
    }

    /** The notation of the account's stored hash, its first two fields (algorithm and cost), never the rest. */
    @GET
    @Path("stored-hash")
    @Produces(MediaType.TEXT_PLAIN)
    public String storedNotation(@QueryParam("username") String username) {
        String[] fields = em.createNamedQuery("AdminAccount.byUsername", AdminAccount.class)
                .setParameter("username", username)
                .getSingleResult()
                .getPasswordHash()
                .split("[:$]");
        return fields[0] + " " + fields[1];
    }
}
