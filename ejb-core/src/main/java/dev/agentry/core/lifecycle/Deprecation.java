package dev.agentry.core.lifecycle;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A deprecated route: answered until its sunset, with {@code Deprecation} (RFC 9745) and {@code Sunset}
 * (RFC 8594) headers on every answer, and the route that replaces it.
 */
public record Deprecation(
        @NotNull String method,
        @NotNull @Doc("the route's path under the API root") String path,
        @NotNull @Doc("since when it is deprecated") Instant deprecatedAt,
        @NotNull @Doc("after this it may answer 410 or 404") Instant sunsetAt,
        @NotNull @Doc("the route to use instead") String successor,
        @NotNull String reason) {}
