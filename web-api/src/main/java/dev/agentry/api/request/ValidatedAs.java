package dev.agentry.api.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The validation groups of a request body, as the boundary it is handed to converts them with {@code
 * ConvertGroup} (e.g. {@code Creation} on create), so that a body refused for its shape is also told,
 * in the same answer, of every rule it breaks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ValidatedAs {

    Class<?>[] value();
}
