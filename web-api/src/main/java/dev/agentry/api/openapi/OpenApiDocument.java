package dev.agentry.api.openapi;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The deployment's OpenAPI document as JSON. The platform (MicroProfile OpenAPI) builds the model from
 * this module's annotations and hands it to {@link ContractFilter}, which keeps it; this writes it out
 * once, so the API serves the same document as the platform's own {@code /openapi} endpoint without
 * calling it over HTTP.
 */
@ApplicationScoped
public class OpenApiDocument {

    private volatile String json;

    /** The document as JSON. */
    public String json() {
        String document = json;
        if (document == null) {
            OpenAPI model = OpenApiModel.get();
            if (model == null) {
                // Only when the server runs without its MicroProfile OpenAPI subsystem.
                throw new AgentryException(ErrorCode.SERVICE_UNAVAILABLE, "The OpenAPI document is not available.");
            }
            document = OpenApiJson.write(model).toString();
            json = document;
        }
        return document;
    }
}
