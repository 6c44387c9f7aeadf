package dev.agentry.api.request;

import dev.agentry.api.problem.ProblemWriter;
import dev.agentry.core.problem.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request target the API will not read, before anything parses it: a query string over the
 * bound (no route takes more than a few short parameters, and every byte of it is logged and decoded),
 * and a path or query whose percent-escapes are not UTF-8, which the JAX-RS runtime would otherwise
 * answer only after logging a stack trace per request. Both are {@code 400 validation_failed}.
 */
public class RequestTargetLimit extends HttpFilter {

    @Inject
    @ConfigProperty(name = "agentry.api.max-query-bytes", defaultValue = "8192")
    int maxQueryBytes;

    @Inject
    ProblemWriter problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The container hands both over as received: still percent-encoded, so their length is in bytes.
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryBytes) {
            problems.write(
                    request,
                    response,
                    ErrorCode.VALIDATION_FAILED,
                    "The query string is longer than " + maxQueryBytes + " bytes.");
            return;
        }
        if (!RequestTarget.decodesToUtf8(request.getRequestURI()) || !RequestTarget.decodesToUtf8(query)) {
            problems.write(
                    request,
                    response,
                    ErrorCode.VALIDATION_FAILED,
                    "The request path or query is not valid percent-encoded UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }
}
