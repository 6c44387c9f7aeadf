package dev.agentry.api.problem;

import dev.agentry.api.auth.TokenEndpoint;
import dev.agentry.api.auth.TokenRefusedMapper;
import dev.agentry.api.policy.AuthenticationFirst;
import dev.agentry.api.policy.BearerToken;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.policy.RateLimit;
import dev.agentry.core.policy.RateLimited;
import dev.agentry.core.policy.TokenAudience;
import dev.agentry.core.problem.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one place a failure inside the JAX-RS runtime becomes a response: core refusals, the runtime's
 * own errors (unknown route, wrong method, unreadable body) and anything unexpected. Two answers are not
 * problem documents: the token endpoint's (RFC 6749 errors), and a media-type refusal of a caller
 * without a token on a route that needs one, which is the 401 (authentication first).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Inject
    AuthenticationFirst authenticationFirst;

    @Inject
    TokenAudience audience;

    @Override
    public Response toResponse(Throwable failure) {
        ProblemClassifier.Classification problem = ProblemClassifier.classify(failure);
        String path = uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath();
        if (TokenEndpoint.PATH.equals(path) && TokenEndpoint.answersAsOAuth(problem.code())) {
            return TokenRefusedMapper.answer(TokenEndpoint.refusal(problem.code()), RequestId.of(request));
        }
        ErrorCode unauthenticated = authenticationFirst
                .instead(
                        problem.code(),
                        security.getUserPrincipal(),
                        request.getHeader(HttpHeaders.AUTHORIZATION),
                        request.getMethod(),
                        path)
                .orElse(null);
        if (unauthenticated != null) {
            problem = new ProblemClassifier.Classification(unauthenticated, BearerToken.detail(unauthenticated));
        }
        if (problem.code() == ErrorCode.INTERNAL) {
            LOG.errorf(failure, "Unexpected failure of %s %s", request.getMethod(), request.getRequestURI());
        } else {
            LOG.debugf(
                    "%s %s refused: %s",
                    request.getMethod(), request.getRequestURI(), problem.code().code());
        }
        Response.ResponseBuilder response = Response.status(problem.code().status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(problem.code(), problem.detail(), RequestId.of(request), problem.errors()));
        if (failure instanceof WebApplicationException wae && unauthenticated == null) {
            // 405 must say which methods are allowed.
            Object allow = wae.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        Challenges.add(problem.code(), audience.issuer(), response::header);
        if (failure instanceof RateLimited limited) {
            RateLimit.Window window = limited.window();
            response.header("Retry-After", window.resetSeconds())
                    .header("X-RateLimit-Limit", window.limit())
                    .header("X-RateLimit-Remaining", window.remaining())
                    .header("X-RateLimit-Reset", window.resetSeconds());
        }
        return response.build();
    }
}
