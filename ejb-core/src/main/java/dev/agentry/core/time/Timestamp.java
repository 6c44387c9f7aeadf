package dev.agentry.core.time;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An ISO-8601 date-time with an offset, such as {@code 2026-11-21T10:00:00Z}. Null is valid. */
@Constraint(validatedBy = Timestamp.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface Timestamp {

    String message() default "must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z";

    /** The stable code callers receive. */
    String code() default "not_a_time";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, and the reading it allows. */
    class Check implements ConstraintValidator<Timestamp, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || instant(value).isPresent();
        }

        /** The instant the text names, if it is one. */
        public static Optional<Instant> instant(String text) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
