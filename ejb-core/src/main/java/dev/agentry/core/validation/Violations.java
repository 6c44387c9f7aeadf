package dev.agentry.core.validation;

import dev.agentry.core.Boundary;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bean Validation's violations as the field errors callers have always received: the field named as
 * they wrote it ({@code ipAllowlist[1]}, {@code toolPolicy.actions.workspace.read}, {@code
 * context.files[2].path}) and a stable code. A constraint of our own names its code in a {@code code}
 * attribute; the standard ones map to {@code required}, {@code too_long}, {@code too_many}, {@code
 * out_of_range} and otherwise {@code invalid}.
 */
@Boundary
public final class Violations {

    private Violations() {}

    /** One error per field and code (a map entry's key and value may both break the same rule), by field. */
    public static List<FieldError> errors(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, FieldError> errors = new TreeMap<>();
        violations.stream()
                .map(Violations::error)
                .sorted(Comparator.comparing(FieldError::message))
                .forEach(error -> errors.putIfAbsent(error.field() + "\u0000" + error.code(), error));
        return List.copyOf(errors.values());
    }

    /**
     * The shape's errors, then the constraints' errors on every field the shape did not already name,
     * inside or around: a member left out for its type is not also {@code required}, nor is its parent
     * judged by a rule over the parts (such as {@code one_of}).
     */
    public static List<FieldError> merged(List<FieldError> shape, Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> all = new ArrayList<>(shape);
        for (FieldError error : errors(violations)) {
            boolean named = shape.stream()
                    .anyMatch(s -> related(error.field(), s.field()) || related(s.field(), error.field()));
            if (!named) {
                all.add(error);
            }
        }
        return all;
    }

    /** Whether {@code field} is {@code other} or lies within it; a rule on a part not read is not judged. */
    private static boolean related(String field, String other) {
        return field.equals(other) || field.startsWith(other + ".") || field.startsWith(other + "[");
    }

    /** Refuses with {@code validation_failed} if there is any violation. */
    public static void refuseAny(Set<? extends ConstraintViolation<?>> violations) {
        if (!violations.isEmpty()) {
            throw AgentryException.validation(errors(violations));
        }
    }

    static FieldError error(ConstraintViolation<?> violation) {
        return new FieldError(field(violation.getPropertyPath()), code(violation), violation.getMessage());
    }

    /** The path below the method and its parameter, as the caller wrote it; {@code body} for the whole. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    field.append('.').append(node.getKey());
                }
            }
            if ((kind == ElementKind.PROPERTY || kind == ElementKind.BEAN) && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String code(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Object code = violation.getConstraintDescriptor().getAttributes().get("code");
        if (code instanceof String given && !given.isEmpty()) {
            return given;
        }
        Optional<String> declared = Codes.of(violation.getConstraintDescriptor().getPayload());
        if (declared.isPresent()) {
            return declared.get();
        }
        Class<? extends Annotation> type = constraint.annotationType();
        if (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class) {
            return "required";
        }
        if (type == Size.class) {
            return violation.getInvalidValue() instanceof CharSequence ? "too_long" : "too_many";
        }
        if (type == Min.class
                || type == Max.class
                || type == DecimalMin.class
                || type == DecimalMax.class
                || type == Positive.class
                || type == PositiveOrZero.class
                || type == Negative.class
                || type == NegativeOrZero.class) {
            return "out_of_range";
        }
        return "invalid";
    }
}
