package dev.agentry.core.webhooks;

import dev.agentry.core.validation.ConstraintMessage;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An event type Agentry publishes, or a pattern selecting one ({@code order.*}). Null is valid: whether a value is required is another constraint's question. */
@Constraint(validatedBy = KnownEventType.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface KnownEventType {

    String message() default "is not an event type or pattern; see /capabilities";

    /** The stable code callers receive. */
    String code() default "unknown_event_type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<KnownEventType, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || (value.length() <= 100 && EventCatalog.selectsAny(value))
                    || ConstraintMessage.quoting(context, value, " is not an event type or pattern; see /capabilities");
        }
    }
}
