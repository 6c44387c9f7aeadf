package dev.agentry.it.probe;

import dev.agentry.core.admin.AdminAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only: a console administrator of the test's own, so locking it out disturbs no other test. */
@Path("/_probe/admins")
@RequestScoped
public class AdminProbeResource {

    @Inject
    AdminAccounts accounts;

    /** The password comes in the body: a query string would land in the access log. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public void create(@QueryParam("username") String username, String password) {
        accounts.create(username, password.toCharArray());
    }
}
