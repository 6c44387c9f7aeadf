package dev.agentry.api.openapi;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The deployment's finished OpenAPI model, as the platform hands it to {@link ContractFilter}. The
 * platform builds it once per deployment, before the API serves requests, and keeps it unchanged.
 */
final class OpenApiModel {

    private static final AtomicReference<OpenAPI> MODEL = new AtomicReference<>();

    private OpenApiModel() {}

    static void publish(OpenAPI model) {
        MODEL.set(model);
    }

    static OpenAPI get() {
        return MODEL.get();
    }
}
