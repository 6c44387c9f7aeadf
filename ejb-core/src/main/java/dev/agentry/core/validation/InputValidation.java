package dev.agentry.core.validation;

import dev.agentry.core.problem.AgentryException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates a boundary's parameters against their Bean Validation constraints (with the groups their
 * {@code @ConvertGroup} names) before it runs, and refuses with the core's own {@code validation_failed}.
 *
 * <p>Why here and not on the JAX-RS parameter: the console and the batch jobs call the same boundaries
 * with the same records, so the rules hold for every adapter, and every adapter already understands an
 * {@link AgentryException}. This runs before the platform's own method-validation interceptor (which
 * would throw a {@code ConstraintViolationException} the adapters would each have to translate).
 */
@Interceptor
@ValidatedInput
@Priority(Interceptor.Priority.APPLICATION)
public class InputValidation {

    @Inject
    Validator validator;

    @AroundInvoke
    Object validate(InvocationContext invocation) throws Exception {
        Set<ConstraintViolation<Object>> violations = validator
                .forExecutables()
                .validateParameters(invocation.getTarget(), invocation.getMethod(), invocation.getParameters());
        if (!violations.isEmpty()) {
            throw AgentryException.validation(Violations.errors(violations));
        }
        return invocation.proceed();
    }
}
