package dev.agentry.api.capabilities;

import java.util.List;

/**
 * A named group of routes with one stability promise.
 *
 * @param name the surface's name
 * @param stability its stability, lower case
 * @param routes its routes, ordered by path then method
 * @param flag the configuration key that switches it on, or {@code null} when it is always on
 * @param enabled whether it is on: off, every route of it answers {@code writes_disabled}
 */
public record Surface(String name, String stability, List<Route> routes, String flag, boolean enabled) {

    public Surface {
        routes = List.copyOf(routes);
    }

    /** The same surface, on or off as its flag is now. */
    public Surface enabled(boolean on) {
        return new Surface(name, stability, routes, flag, on);
    }
}
