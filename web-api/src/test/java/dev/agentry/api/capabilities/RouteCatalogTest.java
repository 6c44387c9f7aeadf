package dev.agentry.api.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteCatalogTest {

    @Path("/widgets/")
    @RolesAllowed("widgets:read")
    static class WidgetResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String one() {
            return "";
        }

        @POST
        @RolesAllowed({"widgets:write", "widgets:admin"})
        public void create() {}

        @DELETE
        @Path("/{id}/")
        @RolesAllowed("widgets:write")
        public void delete() {}

        @GET
        @Path("{id}/public")
        @PermitAll
        public String open() {
            return "";
        }

        public String notARoute() {
            return "";
        }
    }

    @Test
    void routesComeFromTheResourcesAnnotations() {
        List<Route> routes = RouteCatalog.routesOf(WidgetResource.class).stream()
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();

        assertEquals(
                List.of(
                        new Route("GET", "/widgets", true, List.of("widgets:read")),
                        new Route("POST", "/widgets", true, List.of("widgets:admin", "widgets:write")),
                        new Route("DELETE", "/widgets/{id}", true, List.of("widgets:write")),
                        new Route("GET", "/widgets/{id}", true, List.of("widgets:read")),
                        new Route("GET", "/widgets/{id}/public", false, List.of())),
                routes);
    }

    @Path("/me")
    static class MeResource {
        @GET
        @Authenticated
        public String me() {
            return "";
        }

        @GET
        @Path("public")
        public String open() {
            return "";
        }
    }

    @Test
    void aRouteMarkedAuthenticatedNeedsATokenButNoScope() {
        assertEquals(
                List.of(new Route("GET", "/me", true, List.of()), new Route("GET", "/me/public", false, List.of())),
                RouteCatalog.routesOf(MeResource.class).stream()
                        .sorted(Comparator.comparing(Route::path))
                        .toList());
    }

    @Test
    void pathsAreJoinedWithExactlyOneSlash() {
        assertEquals("/", RouteCatalog.join("/", ""));
        assertEquals("/health", RouteCatalog.join("/", "health"));
        assertEquals("/a/b", RouteCatalog.join("a/", "/b/"));
    }
}
