package dev.agentry.api.capabilities;

import java.util.List;

/**
 * One HTTP route of the API.
 *
 * @param method the HTTP method
 * @param path the path below the API root, with template variables, e.g. {@code /diagnostics/{id}}
 * @param scopes the scopes a token needs (any one of them); empty when the route is public
 */
public record Route(String method, String path, List<String> scopes) {

    public Route {
        scopes = List.copyOf(scopes);
    }
}
