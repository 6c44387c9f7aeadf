package dev.agentry.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The member is always written, as {@code null} when it has no value (a deleted record's snapshot): required in
 * the schema, yet nullable, which Bean Validation's {@code @NotNull} cannot say.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AlwaysPresent {}
