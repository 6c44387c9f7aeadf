package dev.agentry.api.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route serves every catalog collection through a {@code {collection}} path parameter and needs
 * that collection's {@code <collection>:read} scope. The policy filter enforces it (a static
 * {@code @RolesAllowed} cannot name it) and {@code /capabilities} lists one route per collection.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CollectionScoped {

    /** The path parameter naming the collection. */
    String PARAMETER = "collection";
}
