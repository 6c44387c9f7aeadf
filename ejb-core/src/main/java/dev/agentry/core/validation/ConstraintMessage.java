package dev.agentry.core.validation;

import dev.agentry.core.problem.FieldError;
import jakarta.validation.ConstraintValidatorContext;

/** A violation's message that quotes the caller's value, escaped so it is never interpolated. */
public final class ConstraintMessage {

    private ConstraintMessage() {}

    /** Replaces the constraint's message with {@code quoted(value) + rest}; returns false for the validator. */
    public static boolean quoting(ConstraintValidatorContext context, String value, String rest) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(FieldError.quoted(value) + rest))
                .addConstraintViolation();
        return false;
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
