package dev.agentry.api.capabilities;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as deprecated: {@code /lifecycle} lists it, and every answer carries
 * {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and a {@code Link} to its successor
 * ({@link DeprecationHeaders}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DeprecatedRoute {

    /** Since when, an ISO-8601 instant. */
    String since();

    /** When it may stop answering, an ISO-8601 instant. */
    String sunset();

    /** The route to use instead, below the API root, e.g. {@code /auth/whoami}. */
    String successor();

    String reason();
}
