package dev.agentry.core.tools;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a tool Agentry has. Null is valid: whether a value is required is another constraint's question. */
@Constraint(validatedBy = KnownTool.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface KnownTool {

    String message() default "not a tool Agentry has";

    /** The stable code callers receive. */
    String code() default "unknown_tool";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<KnownTool, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ToolCatalog.named(value).isPresent();
        }
    }
}
