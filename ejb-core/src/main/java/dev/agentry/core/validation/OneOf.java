package dev.agentry.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;

/** A record in which exactly one of the named components is given (not null). */
@Constraint(validatedBy = OneOf.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneOf {

    /** The record components of which exactly one is given. */
    String[] value();

    String message();

    /** The stable code callers receive. */
    String code() default "one_of";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    class Check implements ConstraintValidator<OneOf, Record> {

        private Set<String> names;

        @Override
        public void initialize(OneOf constraint) {
            names = Set.of(constraint.value());
        }

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return Arrays.stream(value.getClass().getRecordComponents())
                            .filter(component -> names.contains(component.getName()))
                            .filter(component -> given(value, component))
                            .count()
                    == 1;
        }

        private static boolean given(Record value, RecordComponent component) {
            try {
                return component.getAccessor().invoke(value) != null;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A record's accessor failed", e);
            }
        }
    }
}
