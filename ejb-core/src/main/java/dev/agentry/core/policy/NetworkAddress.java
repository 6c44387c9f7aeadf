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

/** An IPv4 or IPv6 address or network in CIDR notation. Null is valid: whether a value is required is another constraint's question. */
@Constraint(validatedBy = NetworkAddress.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface NetworkAddress {

    String message() default "is not an IPv4 or IPv6 address or CIDR";

    /** The stable code callers receive. */
    String code() default "invalid_cidr";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<NetworkAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || Cidr.parse(value).isPresent()
                    || ConstraintMessage.quoting(context, value, " is not an IPv4 or IPv6 address or CIDR");
        }
    }
}
