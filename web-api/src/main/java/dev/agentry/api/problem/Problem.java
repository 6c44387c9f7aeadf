package dev.agentry.api.problem;

import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.schema.Doc;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * An RFC 9457 problem document with Agentry's members: the stable {@code code}, the {@code requestId}
 * to quote when reporting it, and field-level {@code errors} when the request was invalid.
 */
@Doc("RFC 9457 problem details with Agentry's stable error code")
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "requestId", "errors"})
public record Problem(
        @NotNull @Doc("URI naming the problem type, urn:agentry:problem:<code>")
        String type,

        @NotNull String title,
        int status,

        @Doc("What went wrong, for a human; never a secret or a stack trace")
        String detail,

        @NotNull @Doc("Stable machine-readable code from the catalog in /capabilities")
        String code,

        @Doc("The X-Request-Id of the failed request") String requestId,

        @Doc("Field problems, present when the request was invalid")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, String requestId, List<FieldError> errors) {
        return new Problem(
                "urn:agentry:problem:" + code.code(),
                code.title(),
                code.status(),
                detail,
                code.code(),
                requestId,
                errors.isEmpty() ? null : List.copyOf(errors));
    }
}
