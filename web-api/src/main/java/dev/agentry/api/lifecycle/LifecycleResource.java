package dev.agentry.api.lifecycle;

import dev.agentry.api.ApiApplication;
import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.RouteCatalog;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.core.lifecycle.LifecycleService;
import dev.agentry.core.lifecycle.LifecycleView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lifecycle governance: what is deprecated, what is switched on, and which credentials need action. */
@Path("/lifecycle")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "integration-state", stability = Stability.STABLE)
public class LifecycleResource {

    @Inject
    LifecycleService lifecycle;

    @Inject
    RouteCatalog routes;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed("lifecycle:read")
    @Operation(
            summary = "API version, deprecations with sunset dates, feature flags, and the risks of every"
                    + " credential within the caller's grant ceiling, worst first")
    public LifecycleView lifecycle() {
        return lifecycle.view(caller.grant(), ApiApplication.PATH.substring(1), routes.deprecations());
    }
}
