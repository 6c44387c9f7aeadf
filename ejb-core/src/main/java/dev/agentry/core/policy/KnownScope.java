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

/** A scope in the {@link ScopeCatalog}; with {@link #grantable()}, one a credential may be given. Null is valid. */
@Constraint(validatedBy = KnownScope.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface KnownScope {

    String message() default "is not a scope; see /capabilities";

    /** The stable code callers receive. */
    String code() default "unknown_scope";

    /** Only scopes a credential may hold: governed-write scopes are not granted to credentials. */
    boolean grantable() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<KnownScope, String> {

        private boolean grantable;

        @Override
        public void initialize(KnownScope constraint) {
            grantable = constraint.grantable();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || ScopeCatalog.named(value)
                            .filter(scope -> !grantable || !scope.governedWrites())
                            .isPresent()
                    || ConstraintMessage.quoting(context, value, " is not a scope; see /capabilities");
        }
    }
}
