package dev.agentry.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The member is held in one type and written as another: a snapshot kept as JSON text goes out as the JSON
 * object it is, an action kept as a string is one of an enum's wire values. The schema states what is written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface WrittenAs {

    Class<?> value();
}
