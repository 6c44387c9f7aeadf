package dev.agentry.api.capabilities;

import java.util.List;

/**
 * A named group of routes with one stability promise.
 *
 * @param name the surface's name
 * @param stability its stability, lower case
 * @param routes its routes, ordered by path then method
 */
public record Surface(String name, String stability, List<Route> routes) {

    public Surface {
        routes = List.copyOf(routes);
    }
}
