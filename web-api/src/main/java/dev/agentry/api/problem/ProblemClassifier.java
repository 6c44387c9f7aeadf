package dev.agentry.api.problem;

import dev.agentry.api.request.PayloadTooLargeException;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.Violations;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a caller is told about a failure. Only the core's own exceptions carry their detail to
 * the caller; everything else gets a fixed sentence per code, so no exception message, class name or
 * stack frame can leak.
 */
public final class ProblemClassifier {

    /**
     * What the caller is told.
     *
     * @param code the catalog code
     * @param detail a fixed, safe sentence or the core's own detail
     * @param errors field problems, if any
     */
    public record Classification(ErrorCode code, String detail, List<FieldError> errors) {
        public Classification(ErrorCode code, String detail) {
            this(code, detail, List.of());
        }
    }

    private ProblemClassifier() {}

    public static Classification classify(Throwable failure) {
        Optional<AgentryException> refused = causeOfType(failure, AgentryException.class);
        if (refused.isPresent()) {
            AgentryException e = refused.get();
            return new Classification(e.code(), e.detail(), e.errors());
        }
        Optional<ConstraintViolationException> invalid = causeOfType(failure, ConstraintViolationException.class);
        if (invalid.isPresent()) {
            return new Classification(
                    ErrorCode.VALIDATION_FAILED,
                    AgentryException.validation(List.of()).detail(),
                    Violations.errors(invalid.get().getConstraintViolations()));
        }
        if (causeOfType(failure, OptimisticLockException.class).isPresent()) {
            // another transaction changed the same record first: nothing of this request was kept
            return new Classification(
                    ErrorCode.CONFLICT, "The resource changed while this request was being made; repeat the request.");
        }
        if (causeOfType(failure, PayloadTooLargeException.class).isPresent()) {
            return forCode(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        if (causeOfType(failure, JsonbException.class).isPresent()
                || causeOfType(failure, JsonException.class).isPresent()) {
            return new Classification(
                    ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON of the expected shape.");
        }
        if (failure instanceof WebApplicationException wae) {
            return forStatus(wae.getResponse().getStatus());
        }
        return forCode(ErrorCode.INTERNAL);
    }

    /** For failures known only by their HTTP status, such as the servlet container's own errors. */
    public static Classification forStatus(int status) {
        return forCode(
                switch (status) {
                    case 400 -> ErrorCode.VALIDATION_FAILED;
                    case 401 -> ErrorCode.AUTH_MISSING;
                    case 403 -> ErrorCode.SCOPE_DENIED;
                    case 404 -> ErrorCode.NOT_FOUND;
                    case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                    case 406 -> ErrorCode.NOT_ACCEPTABLE;
                    case 409 -> ErrorCode.CONFLICT;
                    case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                    case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                    case 429 -> ErrorCode.RATE_LIMITED;
                    case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
                    default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
                });
    }

    private static Classification forCode(ErrorCode code) {
        return new Classification(
                code,
                switch (code) {
                    case VALIDATION_FAILED -> "The request is malformed.";
                    case AUTH_MISSING -> "This resource needs a bearer token.";
                    case SCOPE_DENIED -> "The token does not grant a scope this resource needs.";
                    case NOT_FOUND -> "There is no resource at this path.";
                    case METHOD_NOT_ALLOWED -> "This resource does not support the request method.";
                    case NOT_ACCEPTABLE -> "This resource cannot answer in any media type the request accepts.";
                    case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept the request's Content-Type.";
                    case PAYLOAD_TOO_LARGE -> "The request body is larger than this server accepts.";
                    case CONFLICT -> "The request conflicts with the resource's current state.";
                    case RATE_LIMITED -> "Too many requests; retry later.";
                    case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable.";
                    default -> "An unexpected error occurred. Quote the request id when reporting it.";
                });
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
