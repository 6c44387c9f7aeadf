package dev.agentry.api.openapi;

import dev.agentry.api.catalog.CollectionScoped;
import dev.agentry.core.catalog.CatalogCollections;
import dev.agentry.core.catalog.CollectionDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents each catalog collection as a path of its own ({@code /api/v1/entries}, ...) instead of the
 * one generic {@code /{collection}} template the resource is written with, so the document names every
 * route a client can call and the scope each needs — as {@code /capabilities} does.
 */
public class CollectionPaths implements OASFilter {

    private static final String TEMPLATE = "{" + CollectionScoped.PARAMETER + "}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> generic = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.contains(TEMPLATE)) {
                generic.put(path, item);
            }
        });
        generic.forEach((path, item) -> {
            openAPI.getPaths().removePathItem(path);
            for (CollectionDescriptor collection : CatalogCollections.ALL) {
                openAPI.getPaths().addPathItem(path.replace(TEMPLATE, collection.name()), concrete(item, collection));
            }
        });
    }

    private static PathItem concrete(PathItem generic, CollectionDescriptor collection) {
        PathItem item = OASFactory.createPathItem();
        Operation get = generic.getGET();
        if (get != null) {
            item.GET(OASFactory.createOperation()
                    .summary(get.getSummary().replace("<collection>", collection.name()))
                    .description(collection.description() + ". Scope " + collection.readScope()
                            + collection
                                    .sensitiveScope()
                                    .map(s -> "; personal data needs " + s)
                                    .orElse(""))
                    .operationId(get.getOperationId() == null ? null : get.getOperationId() + "_" + collection.name())
                    .tags(get.getTags() == null ? List.of(collection.name()) : get.getTags())
                    .parameters(withoutCollection(get.getParameters()))
                    .responses(get.getResponses())
                    .security(get.getSecurity()));
        }
        return item;
    }

    private static List<Parameter> withoutCollection(List<Parameter> parameters) {
        return parameters == null
                ? null
                : parameters.stream()
                        .filter(p -> !CollectionScoped.PARAMETER.equals(p.getName()))
                        .toList();
    }
}
