package dev.agentry.api.audit;

import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.logging.Logger;

/**
 * Records the refusals answered outside JAX-RS, where {@link AuditFilter} never runs: tokens the
 * container's authentication refused, paths that are no API route, bodies and request targets over the
 * server's limits, failures rendered by the error page. Nothing the caller sent unverified (such as the
 * credential a refused token names) is attributed; a request already recorded is not recorded again.
 */
@ApplicationScoped
public class ServletRefusalAudit {

    private static final Logger LOG = Logger.getLogger(ServletRefusalAudit.class);

    @Inject
    AuditContext context;

    @Inject
    AuditService audit;

    @Inject
    AuditedRequest requests;

    public void refused(HttpServletRequest request, ErrorCode code) {
        try {
            if (context.recorded()) {
                return;
            }
            if (context.route() == null) {
                Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                requests.beginUnmatched(
                        request, request.getMethod(), original != null ? original.toString() : request.getRequestURI());
            }
            audit.recordCall(AuditedCall.outcome(code.status()), code.code());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The audit record of a refused %s could not be written", request.getMethod());
        }
    }
}
