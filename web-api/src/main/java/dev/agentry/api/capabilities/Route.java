package dev.agentry.api.capabilities;

import java.util.List;

/**
 * One HTTP route of the API.
 *
 * @param method the HTTP method
 * @param path the path below the API root, with template variables, e.g. {@code /diagnostics/{id}}
 * @param authenticated whether the route needs a bearer token
 * @param scopes the scopes a token needs (any one of them); empty when any token, or none, will do
 */
public record Route(String method, String path, boolean authenticated, List<String> scopes) {

    public Route {
        scopes = List.copyOf(scopes);
    }
}
