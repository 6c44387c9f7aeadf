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

/**
 * A scope in the {@link ScopeCatalog}. Null is valid. Whether a control scope may be given now depends on
 * the governed-writes switch, which the credentials boundary asks ({@link GovernedWrites#ungrantable}).
 */
@Constraint(validatedBy = KnownScope.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface KnownScope {

    String message() default "is not a scope; see /capabilities";

    /** The stable code callers receive. */
    String code() default "unknown_scope";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<KnownScope, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || ScopeCatalog.named(value).isPresent()
                    || ConstraintMessage.quoting(context, value, " is not a scope; see /capabilities");
        }
    }
}
