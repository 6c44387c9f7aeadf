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
        boolean client = refused.reason() == TokenRefused.Reason.INVALID_CLIENT;
        Response.ResponseBuilder response = Response.status(client ? 401 : 400)
                .type(MediaType.APPLICATION_JSON)
                .header("Pragma", "no-cache")
                .entity(new OAuthError(refused.reason().error(), refused.getMessage(), RequestId.of(request)));
        if (client) {
            response.header("WWW-Authenticate", "Basic realm=\"agentry\"");
        }
        return response.build();
    }
}
