package dev.agentry.it.probe;

import dev.agentry.core.catalog.CatalogChange;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Fails a catalog write after it was made: observes each change after the changes feed has recorded it
 * and put its webhook event in the outbox, and throws when the record's slug is the one armed — the
 * failure after the write that a governed execution must survive leaving nothing behind.
 */
@ApplicationScoped
public class WriteFailureProbe {

    private volatile String armedSlug;

    public void arm(String slug) {
        armedSlug = slug;
    }

    void failAfterTheWrite(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) CatalogChange change) {
        String slug = armedSlug;
        if (slug != null && slug.equals(change.item().snapshot().get("slug"))) {
            throw new IllegalStateException("probe: the write of " + slug + " fails after it was made");
        }
    }
}
