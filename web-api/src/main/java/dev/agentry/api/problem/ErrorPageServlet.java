package dev.agentry.api.problem;

import dev.agentry.api.policy.BearerToken;
import dev.agentry.core.policy.TokenAudience;
import dev.agentry.core.problem.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The servlet container's error page for this web module (see web.xml): failures outside JAX-RS,
 * such as a path under {@code /api} that is not an API route, still answer with a problem document.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class);

    @Inject
    transient ProblemWriter problems;

    @Inject
    transient BearerToken bearerToken;

    @Inject
    transient TokenAudience audience;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemClassifier.Classification problem = failure != null
                ? ProblemClassifier.classify(failure)
                : ProblemClassifier.forStatus(status == null ? 404 : status); // as default servlet: not a route
        if (failure == null && status != null && status == 401) {
            // The container's own authentication refused the request: say why, as the API does.
            ErrorCode code = bearerToken.failure(request.getHeader("Authorization"));
            problem = new ProblemClassifier.Classification(code, BearerToken.detail(code), List.of());
        }
        if (failure != null) {
            LOG.errorf(
                    failure,
                    "Unexpected failure of %s %s",
                    request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        Challenges.add(problem.code(), audience.issuer(), (name, value) -> response.setHeader(name, value.toString()));
        problems.write(request, response, problem.code(), problem.detail());
    }
}
