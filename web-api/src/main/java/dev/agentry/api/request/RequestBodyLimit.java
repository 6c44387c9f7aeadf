package dev.agentry.api.request;

import dev.agentry.api.problem.ProblemWriter;
import dev.agentry.core.problem.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps request bodies. A declared length over the cap is refused before anything is read; a body
 * without a declared length is cut off as soon as it passes the cap, so no request can make the
 * server buffer more than the cap. The container's own limit (undertow's {@code max-post-size}) is set
 * far above this one, so an oversized body is answered here, as a problem document.
 */
public class RequestBodyLimit extends HttpFilter {

    @Inject
    @ConfigProperty(name = "agentry.api.max-request-bytes", defaultValue = "1048576")
    long maxRequestBytes;

    @Inject
    ProblemWriter problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            if (request.getProtocol().startsWith("HTTP/1")) {
                // The body is never read: close the connection rather than drain it for the next request.
                // (HTTP/2 has no such header; its streams are reset on their own.)
                response.setHeader("Connection", "close");
            }
            problems.write(
                    request,
                    response,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxRequestBytes + " bytes.");
            return;
        }
        chain.doFilter(new Bounded(request, maxRequestBytes), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }
}
