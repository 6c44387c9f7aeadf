package dev.agentry.api.auth;

import dev.agentry.api.request.RequestId;
import dev.agentry.core.policy.TokenRefused;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The token endpoint answers in RFC 6749's own error format, which OAuth clients parse; {@code
 * invalid_client} is a 401 with a Basic challenge, the rest are 400.
 */
@Provider
public class TokenRefusedMapper implements ExceptionMapper<TokenRefused> {

    /** RFC 6749 section 5.2, plus the request id every Agentry answer carries. */
    @JsonbPropertyOrder({"error", "errorDescription", "requestId"})
    public record OAuthError(
            String error,
            @JsonbProperty("error_description") String errorDescription,
            String requestId) {}

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(TokenRefused refused) {
        return answer(refused, RequestId.of(request));
    }

    /** The whole answer, for the mappers of failures the token endpoint turns into OAuth errors. */
    public static Response answer(TokenRefused refused, String requestId) {
        Response.ResponseBuilder response = Response.status(status(refused))
                .type(MediaType.APPLICATION_JSON)
                .header("Pragma", "no-cache")
                .entity(body(refused, requestId));
        if (challenges(refused)) {
            response.header("WWW-Authenticate", BASIC_CHALLENGE);
        }
        return response.build();
    }

    public static final String BASIC_CHALLENGE = "Basic realm=\"agentry\"";

    public static int status(TokenRefused refused) {
        return challenges(refused) ? 401 : 400;
    }

    public static boolean challenges(TokenRefused refused) {
        return refused.reason() == TokenRefused.Reason.INVALID_CLIENT;
    }

    public static OAuthError body(TokenRefused refused, String requestId) {
        return new OAuthError(refused.reason().error(), refused.getMessage(), requestId);
    }
}
