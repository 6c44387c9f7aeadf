package dev.agentry.core.policy;

import dev.agentry.core.validation.ConstraintMessage;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An event type as a credential declares interest in it: {@code entry.updated}, {@code order.*} or
 * {@code *}, at most 100 characters. Whether such events exist is not asked: interests may name events
 * of collections added later. Null is valid.
 */
@Constraint(validatedBy = EventInterest.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface EventInterest {

    String message() default "is not an event type such as entry.updated or order.*";

    /** The stable code callers receive. */
    String code() default "invalid_event_type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<EventInterest, String> {

        private static final Pattern EVENT_TYPE = Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.([a-z][a-z0-9_-]*|\\*))+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || (value.length() <= 100 && EVENT_TYPE.matcher(value).matches())
                    || ConstraintMessage.quoting(
                            context, value, " is not an event type such as entry.updated or order.*");
        }
    }
}
