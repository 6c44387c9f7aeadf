package dev.agentry.admin.security;

import dev.agentry.core.audit.AuditContext;
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
import java.util.UUID;

/**
 * Every console request: refuses a state-changing request from another site (its Origin or Referer
 * names another host), sets headers that keep pages out of frames and caches, and tells the audit
 * trail which administrator is acting. Faces' view state is the other half of the CSRF defence: a
 * POST without it runs no action.
 */
@WebFilter("/*")
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditContext audit;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused");
            return;
        }
        audit.begin(
                clock.instant(),
                UUID.randomUUID().toString(),
                request.getRemoteAddr(),
                "console " + request.getServletPath());
        Principal admin = request.getUserPrincipal();
        if (admin != null) {
            audit.actingAdmin(admin.getName());
        }
        chain.doFilter(request, response);
    }

    /** A request whose Origin (or, lacking one, Referer) is another host than the one it came to. */
    static boolean crossSite(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.equals("null")) {
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
