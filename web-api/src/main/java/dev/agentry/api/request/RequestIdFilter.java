package dev.agentry.api.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jboss.logging.MDC;

/**
 * Gives every request an id and marks every response uncacheable. The id is in the logging context
 * while the request runs and in the server's access log line, so a caller quoting it can be traced.
 */
public class RequestIdFilter extends HttpFilter {

    static final String MDC_KEY = "requestId";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // On an error dispatch the request may already have its id; otherwise (the container refused
        // it before any filter ran, e.g. an invalid token) it gets one now.
        String id = RequestId.of(request);
        if (id == null) {
            id = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
        }
        request.setAttribute(RequestId.ATTRIBUTE, id);
        response.setHeader(RequestId.HEADER, id);
        // API answers carry credentials' data: no shared or private cache may keep them.
        response.setHeader("Cache-Control", "no-store");
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
