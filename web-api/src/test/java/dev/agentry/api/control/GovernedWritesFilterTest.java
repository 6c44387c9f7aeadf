package dev.agentry.api.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.api.capabilities.RouteCatalog;
import dev.agentry.api.catalog.CatalogResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The switch's rule, as the suite's server (which runs with writes on) cannot show the off state. */
class GovernedWritesFilterTest {

    private static final List<Class<?>> CONTROL = List.of(
            ControlPoliciesResource.class,
            ControlActionsResource.class,
            ControlApprovalsResource.class,
            ControlAuditResource.class);

    @Test
    void offEveryControlRouteIsRefused() {
        for (Class<?> resource : CONTROL) {
            assertTrue(GovernedWritesFilter.refuses(resource, false), resource.getSimpleName());
            assertTrue(RouteCatalog.template(resource, resource.getMethods()[0]).startsWith("/control"));
        }
    }

    @Test
    void onTheyAreServedAndOtherSurfacesNeverAreRefused() {
        for (Class<?> resource : CONTROL) {
            assertFalse(GovernedWritesFilter.refuses(resource, true), resource.getSimpleName());
        }
        assertFalse(GovernedWritesFilter.refuses(CatalogResource.class, false));
        assertFalse(GovernedWritesFilter.refuses(null, false));
    }
}
