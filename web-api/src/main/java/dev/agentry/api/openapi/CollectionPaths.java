package dev.agentry.api.openapi;

import dev.agentry.api.catalog.CatalogResource;
import dev.agentry.api.catalog.CollectionScoped;
import dev.agentry.core.catalog.CatalogSchemas;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.contracts.SchemaCatalog;
import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents each catalog collection as a path of its own ({@code /api/v1/entries}, ...) instead of the
 * one generic {@code /{collection}} template the resource is written with, so the document names every
 * route a client can call, the scope each needs — as {@code /capabilities} does — and the record it
 * answers: its record is the schema {@code /schema/collection.<name>} publishes ({@code EntryRecord}),
 * in the {@code envelope.collection-page} of it ({@code EntryPage}). Neither is written here a second time.
 */
final class CollectionPaths {

    private static final String TEMPLATE = "{" + CollectionScoped.PARAMETER + "}";
    private static final String RECORDS = "#/components/schemas/";
    private static final String GENERIC_NOUN = ResourceOperations.noun(CatalogResource.class.getSimpleName());

    private CollectionPaths() {}

    static void expand(OpenAPI openAPI) {
        Map<String, PathItem> generic = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.contains(TEMPLATE)) {
                generic.put(path, item);
            }
        });
        generic.forEach((path, item) -> {
            openAPI.getPaths().removePathItem(path);
            genericSchemas(item).forEach(openAPI.getComponents()::removeSchema);
            for (CollectionDescriptor collection : CatalogCollections.ALL) {
                openAPI.getPaths()
                        .addPathItem(
                                path.replace(TEMPLATE, collection.name()),
                                concrete(item, collection, path.endsWith(TEMPLATE)));
            }
        });
        if (!generic.isEmpty()) {
            for (CollectionDescriptor collection : CatalogCollections.ALL) {
                openAPI.getComponents()
                        .addSchema(
                                recordName(collection) + "Record", JsonSchemaModel.of(CatalogSchemas.of(collection)));
                openAPI.getComponents().addSchema(recordName(collection) + "Page", page(collection));
            }
        }
    }

    /** The generic page schema ({@code CollectionPage}) the per-collection ones replace. */
    private static List<String> genericSchemas(PathItem generic) {
        String prefix = "#/components/schemas/";
        if (generic.getGET() == null || generic.getGET().getResponses() == null) {
            return List.of();
        }
        APIResponse ok = generic.getGET().getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return List.of();
        }
        return ok.getContent().getMediaTypes().values().stream()
                .map(media ->
                        media.getSchema() == null ? null : media.getSchema().getRef())
                .filter(ref -> ref != null && ref.startsWith(prefix))
                .map(ref -> ref.substring(prefix.length()))
                .toList();
    }

    private static PathItem concrete(PathItem generic, CollectionDescriptor collection, boolean isList) {
        PathItem item = OASFactory.createPathItem();
        Operation get = generic.getGET();
        if (get != null) {
            String schema = "#/components/schemas/" + recordName(collection) + (isList ? "Page" : "Record");
            item.GET(OASFactory.createOperation()
                    .summary(get.getSummary().replace("<collection>", collection.name()))
                    .description(collection.description() + ". Scope " + collection.readScope()
                            + collection
                                    .sensitiveScope()
                                    .map(s -> "; personal data needs " + s)
                                    .orElse(""))
                    .operationId(operationId(get.getOperationId(), collection))
                    .tags(get.getTags())
                    .parameters(withoutCollection(get.getParameters()))
                    .responses(typed(get, schema))
                    .security(List.of(OAuthScheme.requirement(List.of(collection.readScope())))));
        }
        return item;
    }

    /** {@code catalogList} becomes {@code contentBlocksList} for {@code content-blocks}. */
    private static String operationId(String generic, CollectionDescriptor collection) {
        String verb = generic.startsWith(GENERIC_NOUN) ? generic.substring(GENERIC_NOUN.length()) : generic;
        String camel = Arrays.stream(collection.name().split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1) + verb;
    }

    /** {@code content-blocks} holds {@code ContentBlock}s; {@code categories}, {@code Category}s. */
    static String recordName(CollectionDescriptor collection) {
        return recordName(collection.name());
    }

    static String recordName(String collection) {
        String plural = Arrays.stream(collection.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** The scanned responses (its problems among them) with the 200 answering the collection's own schema. */
    private static org.eclipse.microprofile.openapi.models.responses.APIResponses typed(
            Operation generic, String schema) {
        var responses = OASFactory.createAPIResponses();
        generic.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!code.equals("200")) {
                responses.addAPIResponse(code, response);
                return;
            }
            APIResponse ok = OASFactory.createAPIResponse()
                    .description(response.getDescription())
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    "application/json",
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref(schema))));
            responses.addAPIResponse(code, ok);
        });
        return responses;
    }

    /**
     * The page of one collection's records: the {@code envelope.collection-page} contract, generated from the one list
     * envelope ({@code Page}), with its records typed as the collection's.
     */
    private static Schema page(CollectionDescriptor collection) {
        JsonObject envelope = SchemaCatalog.COLLECTION_PAGE.schema();
        JsonObject members = envelope.getJsonObject("properties");
        JsonObject data = Jsonp.createObjectBuilder(members.getJsonObject("data"))
                .add("items", Jsonp.createObjectBuilder().add("$ref", RECORDS + recordName(collection) + "Record"))
                .build();
        return JsonSchemaModel.of(Jsonp.createObjectBuilder(envelope)
                .remove("$schema")
                .remove("$id")
                .remove("title")
                .add(
                        "description",
                        "A page of " + collection.name().replace('-', ' ').toLowerCase(Locale.ROOT))
                .add("properties", Jsonp.createObjectBuilder(members).add("data", data))
                .build());
    }

    private static List<Parameter> withoutCollection(List<Parameter> parameters) {
        return parameters == null
                ? null
                : parameters.stream()
                        .filter(p -> !CollectionScoped.PARAMETER.equals(p.getName()))
                        .toList();
    }
}
