package dev.agentry.admin.security;

import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.audit.AuditOutcome;
import dev.agentry.core.audit.AuditService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every console request: refuses a state-changing request from another site (its Origin or Referer
 * names another host, or its Origin is the opaque {@code null}) and audits the refusal, sets headers
 * that keep pages out of frames and caches, and tells the audit trail which administrator is acting.
 * Faces' view state is the other half of the CSRF defence: a POST without it runs no action.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleFilter extends HttpFilter {

    /** The error code of a refused cross-site request in the audit trail (a console code, not an API one). */
    static final String CROSS_SITE = "cross_site_request";

    static final String REQUEST_ID = "X-Request-Id";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    AuditContext audit;

    @Inject
    AuditService auditService;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        String requestId = UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID, requestId); // the refusal below can be found in the audit trail by it
        audit.begin(
                clock.instant(),
                requestId,
                request.getRemoteAddr(),
                request.getMethod() + " " + request.getContextPath() + request.getServletPath());
        Principal admin = request.getUserPrincipal();
        if (admin != null) {
            audit.actingAdmin(admin.getName());
        } else {
            audit.actingAnonymous();
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        try {
            auditService.recordCall(AuditOutcome.DENIED, CROSS_SITE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The audit record of the refused cross-site request %s could not be written", audit.route());
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused");
    }

    /**
     * A request a browser sent on behalf of another site: its fetch metadata says so, its Origin is
     * another host or {@code null} (a sandboxed frame, a {@code data:} page, a cross-site redirect), or,
     * lacking an Origin, its Referer is another host.
     */
    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            return true;
        }
        String source = request.getHeader("Origin");
        if ("null".equals(source)) {
            return true;
        }
        if (source == null) {
            source = request.getHeader("Referer");
        }
        if (source == null) {
            return false; // not a browser's cross-site form: Faces' view state still has to match
        }
        try {
            URI uri = URI.create(source);
            String host = request.getServerName();
            return uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase(host)
                    || uri.getPort() != -1 && uri.getPort() != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
