package dev.agentry.api.audit;

import dev.agentry.api.policy.ClientAddress;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.audit.AuditContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * Starts the audit record of a servlet request, whoever records it: the JAX-RS {@link AuditFilter} for a
 * call a route took or none matched, {@link ServletRefusalAudit} for a refusal answered outside JAX-RS.
 */
@ApplicationScoped
public class AuditedRequest {

    @Inject
    AuditContext context;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Clock clock;

    /** Begins the record of {@code request} as a call of {@code route}. */
    public void begin(HttpServletRequest request, String route) {
        context.begin(clock.instant(), RequestId.of(request), clientAddress.of(request), route);
    }

    /** Begins the record of a request no route took, by its method and (capped) raw path. */
    public void beginUnmatched(HttpServletRequest request, String method, String rawPath) {
        begin(request, AuditedCall.unmatched(method, rawPath));
    }
}
