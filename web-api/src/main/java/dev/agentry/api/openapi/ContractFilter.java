package dev.agentry.api.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Completes the document the platform scans from the resources' JAX-RS, security and OpenAPI
 * annotations into one a client generator can use: each step derives what it adds from the code
 * (the resource methods' {@code @RolesAllowed}, the {@code ErrorCode} catalog, the scope catalog, the
 * catalog's collections, the contract records' own schemas), so nothing in the document is written
 * twice. Registered as {@code
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
        PublishedContracts.adopt(openAPI);
        OAuthScheme.declare(openAPI);
        if (openAPI.getExternalDocs() != null && openAPI.getExternalDocs().getUrl() == null) {
            // The platform emits an empty externalDocs, which OAS forbids without a url.
            openAPI.setExternalDocs(null);
        }
        OpenApiModel.publish(openAPI);
    }
}
