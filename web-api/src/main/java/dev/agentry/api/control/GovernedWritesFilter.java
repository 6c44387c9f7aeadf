package dev.agentry.api.control;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * While governed writes are off, every route of a surface switched by {@code agentry.writes.experimental}
 * answers {@code 403 writes_disabled} — before authentication, so the answer is the same with or without
 * a token, and nothing behind the route is reached.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class GovernedWritesFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    GovernedWrites governedWrites;

    @Override
    public void filter(ContainerRequestContext request) {
        if (refuses(resource.getResourceClass(), governedWrites.enabled())) {
            throw new AgentryException(
                    ErrorCode.WRITES_DISABLED,
                    "Governed writes are off on this server; an operator turns them on with"
                            + " AGENTRY_WRITES_EXPERIMENTAL=true.");
        }
    }

    /** Whether a request to a route of {@code resource} is refused with governed writes {@code enabled} or not. */
    static boolean refuses(Class<?> resource, boolean enabled) {
        ApiSurface surface = resource == null ? null : resource.getAnnotation(ApiSurface.class);
        return !enabled && surface != null && GovernedWrites.KEY.equals(surface.flag());
    }
}
