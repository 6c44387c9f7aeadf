package dev.agentry.api.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                        new Route("GET", "/widgets", List.of("widgets:read")),
                        new Route("POST", "/widgets", List.of("widgets:admin", "widgets:write")),
                        new Route("DELETE", "/widgets/{id}", List.of("widgets:write")),
                        new Route("GET", "/widgets/{id}", List.of("widgets:read"))),
                routes);
    }

    @Test
    void pathsAreJoinedWithExactlyOneSlash() {
        assertEquals("/", RouteCatalog.join("/", ""));
        assertEquals("/health", RouteCatalog.join("/", "health"));
        assertEquals("/a/b", RouteCatalog.join("a/", "/b/"));
    }
}
