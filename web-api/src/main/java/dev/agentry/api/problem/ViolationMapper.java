package dev.agentry.api.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Bean Validation's refusal answered like every other one, by {@link ProblemMapper}: the JAX-RS runtime
 * brings its own mapper for this exception type, which would otherwise win over ours for {@code
 * Throwable} and answer in its own format.
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    Providers providers;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        return providers.getExceptionMapper(Throwable.class).toResponse(failure);
    }
}
