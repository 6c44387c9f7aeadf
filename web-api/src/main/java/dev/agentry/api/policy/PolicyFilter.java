package dev.agentry.api.policy;

import dev.agentry.api.capabilities.Authenticated;
import dev.agentry.api.catalog.CollectionScoped;
import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.policy.AccessPolicy;
import dev.agentry.core.policy.Admission;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies the policy controls to every routed request, after MicroProfile JWT has verified the token
 * and before the resource's {@code @RolesAllowed} is checked: a route that needs a token gets the
 * precise 401 code without one; with one, the credential must pass {@link AccessPolicy} and must
 * still hold a scope the route accepts, even if the token was issued before a scope was withdrawn.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class PolicyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property holding the {@link Admission} of an authenticated request. */
    public static final String ADMISSION = PolicyFilter.class.getName() + ".admission";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    AccessPolicy policy;

    @Inject
    ClientAddress clientAddress;

    @Inject
    BearerToken bearerToken;

    @Inject
    CatalogCollections collections;

    @Inject
    AuditContext auditContext;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<String> accepted = acceptedScopes(method, context);
        boolean needsToken = !accepted.isEmpty()
                || method.isAnnotationPresent(Authenticated.class)
                || resource.getResourceClass().isAnnotationPresent(Authenticated.class);
        if (!(context.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            if (needsToken) {
                ErrorCode failure = bearerToken.failure(context.getHeaderString(HttpHeaders.AUTHORIZATION));
                throw new AgentryException(failure, BearerToken.detail(failure));
            }
            return;
        }
        String credentialId = token.getSubject();
        String clientId = token.getName();
        auditContext.actingCredential(credentialId, clientId, null);
        Admission admission = policy.admit(credentialId, clientAddress.of(request));
        context.setProperty(ADMISSION, admission);
        if (accepted.isEmpty()) {
            return;
        }
        // The scope that lets this request in: granted now, and carried by the token.
        String scopeUsed = accepted.stream()
                .filter(admission.policy().scopes()::contains)
                .filter(token.getGroups()::contains)
                .findFirst()
                .orElse(null);
        if (admission.policy().scopes().stream().noneMatch(accepted::contains)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED, "The credential no longer holds a scope this route needs.");
        }
        if (method.isAnnotationPresent(CollectionScoped.class) && scopeUsed == null) {
            // No @RolesAllowed can name a per-collection scope, so the container will not check it.
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED, "This collection needs the " + accepted.get(0) + " scope.");
        }
        auditContext.actingCredential(credentialId, clientId, scopeUsed);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADMISSION) instanceof Admission admission) {
            response.getHeaders()
                    .putSingle("X-RateLimit-Limit", admission.rate().limit());
            response.getHeaders()
                    .putSingle("X-RateLimit-Remaining", admission.rate().remaining());
            response.getHeaders()
                    .putSingle("X-RateLimit-Reset", admission.rate().resetSeconds());
        }
    }

    private List<String> acceptedScopes(Method method, ContainerRequestContext context) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(CollectionScoped.class)) {
            // An unknown collection is simply not there, token or not; the list is public.
            String name = context.getUriInfo().getPathParameters().getFirst(CollectionScoped.PARAMETER);
            return List.of(collections
                    .named(name)
                    .orElseThrow(() -> AgentryException.notFound("There is no resource at this path."))
                    .readScope());
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        return roles == null ? List.of() : Arrays.asList(roles.value());
    }
}
