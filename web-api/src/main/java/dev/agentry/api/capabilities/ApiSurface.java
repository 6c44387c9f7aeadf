package dev.agentry.api.capabilities;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Places a resource's routes in a named surface of {@code /capabilities}. Every resource has one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSurface {

    /** The surface's stable name, e.g. {@code read-sync}. */
    String value();

    Stability stability();

    /**
     * The configuration key of the boolean flag that switches the surface on, or empty for a surface
     * that is always on; {@code /capabilities} shows whether it is on.
     */
    String flag() default "";
}
