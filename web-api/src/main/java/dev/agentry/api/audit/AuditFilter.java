package dev.agentry.api.audit;

import dev.agentry.api.ApiApplication;
import dev.agentry.api.auth.TokenRefusedMapper;
import dev.agentry.api.capabilities.RouteCatalog;
import dev.agentry.api.health.HealthResource;
import dev.agentry.api.problem.Problem;
import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.audit.AuditService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * One audit record per API call. A call whose boundary recorded its action (in that action's own
 * transaction) is not recorded again; any other call by a credential, any refusal or failure (also of a
 * request no route matched), and every token request is recorded here with its outcome. Successful
 * anonymous reads of public routes (health probes, the contract descriptors) are not: they act on nothing
 * and would drown the trail. Refusals answered outside JAX-RS are recorded by {@link ServletRefusalAudit}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final String API_ROOT = "/api" + ApiApplication.PATH;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    AuditContext context;

    @Inject
    AuditService audit;

    @Inject
    AuditedRequest requests;

    @Override
    public void filter(ContainerRequestContext requestContext) {
        if (resource.getResourceMethod() == null) {
            requests.beginUnmatched(request, requestContext.getMethod(), request.getRequestURI());
        } else {
            requests.begin(
                    request,
                    requestContext.getMethod() + " " + API_ROOT
                            + RouteCatalog.template(resource.getResourceClass(), resource.getResourceMethod()));
        }
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        if (context.recorded()) {
            return;
        }
        int status = response.getStatus();
        if (context.route() == null) {
            if (status < 400) {
                return;
            }
            // No route matched (unknown path, wrong method, media types): the request filter never ran.
            requests.beginUnmatched(request, requestContext.getMethod(), request.getRequestURI());
        }
        boolean tokenRequest = context.route().endsWith(API_ROOT + "/auth/token");
        if (context.credentialId() == null && status < 400 && !tokenRequest) {
            return;
        }
        String errorCode = errorCode(response.getEntity());
        if (request.getAttribute(AuditedCall.ANSWERED) instanceof AuditedCall.Answered answered) {
            status = answered.status();
            errorCode = answered.errorCode();
        }
        try {
            audit.recordCall(AuditedCall.outcome(status), errorCode);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The audit record of %s could not be written", context.route());
        }
    }

    private static String errorCode(Object entity) {
        if (entity instanceof Problem problem) {
            return problem.code();
        }
        if (entity instanceof HealthResource.NotReady notReady) {
            return notReady.code();
        }
        if (entity instanceof TokenRefusedMapper.OAuthError error) {
            return error.error();
        }
        return null;
    }
}
