package dev.agentry.api.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the document the platform scans from the resources' JAX-RS, security and OpenAPI
 * annotations into one a client generator can use: each step derives what it adds from the code
 * (the resource methods' {@code @RolesAllowed}, the {@code ErrorCode} catalog, the scope catalog, the
 * catalog's collections), so nothing in the document is written twice. Registered as {@code
 * mp.openapi.filter}; the platform runs it once per deployment, last.
 */
public class ContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ResourceOperations.name(openAPI);
        TypedParameters.type(openAPI);
        ProblemResponses.document(openAPI);
        CollectionPaths.expand(openAPI);
        OAuthScheme.declare(openAPI);
        if (openAPI.getExternalDocs() != null && openAPI.getExternalDocs().getUrl() == null) {
            // The platform emits an empty externalDocs, which OAS forbids without a url.
            openAPI.setExternalDocs(null);
        }
        snapshotsAreObjects(openAPI);
        OpenApiModel.publish(openAPI);
    }

    /**
     * {@code ChangeItem.snapshot} holds the record as the JSON text it was stored as, and {@code
     * ChangePageWriter} writes it as that object, not as a string.
     */
    private static void snapshotsAreObjects(OpenAPI openAPI) {
        Schema item = openAPI.getComponents().getSchemas() == null
                ? null
                : openAPI.getComponents().getSchemas().get("ChangeItem");
        if (item != null && item.getProperties() != null && item.getProperties().containsKey("snapshot")) {
            item.addProperty(
                    "snapshot",
                    OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL))
                            .description("The record after the change, as its collection's schema describes it;"
                                    + " null for a delete"));
        }
    }
}
