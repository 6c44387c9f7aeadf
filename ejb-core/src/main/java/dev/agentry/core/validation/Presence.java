package dev.agentry.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a boolean record component that is not a JSON member but says whether the member {@link
 * #value()} was given at all, where an explicit {@code null} means something else than "not mentioned"
 * (a credential's {@code ttlDays}: null is "never expires").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Presence {

    /** The member whose presence this component records. */
    String value();
}
