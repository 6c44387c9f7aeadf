package dev.agentry.core.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * A request the core refuses, with the catalog code the caller will see. Thrown from boundaries; it
 * rolls back the transaction, and its detail is shown to the caller, so it must never hold a secret.
 */
@ApplicationException(rollback = true)
public class AgentryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<FieldError> errors;

    public AgentryException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public AgentryException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
    }

    public static AgentryException validation(List<FieldError> errors) {
        return new AgentryException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
    }

    /** {@code not_found} with {@code detail}, a whole sentence the caller reads as it is. */
    public static AgentryException notFound(String detail) {
        return new AgentryException(ErrorCode.NOT_FOUND, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
