package dev.agentry.core.agents;

import dev.agentry.core.providers.ModelProviders;
import dev.agentry.core.providers.ProviderSettings;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model provider an agent may be defined with: {@code scripted}, or a provider the operator
 * configured ({@code agentry.providers.<name>.base-url}). Null is valid.
 */
@Constraint(validatedBy = KnownProvider.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
public @interface KnownProvider {

    String message() default "the providers are scripted and those the operator configured";

    /** The stable code callers receive. */
    String code() default "unknown";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<KnownProvider, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.equals(ModelProviders.SCRIPTED)
                    || ProviderSettings.configuredNames().contains(value);
        }
    }
}
