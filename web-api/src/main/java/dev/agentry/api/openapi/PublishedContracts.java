package dev.agentry.api.openapi;

import dev.agentry.api.schema.ApiContracts;
import dev.agentry.core.contracts.Contract;
import dev.agentry.core.contracts.SchemaCatalog;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes each body schema the document shares the published contract itself: where the scanner described a contract
 * record ({@link SchemaCatalog#CONTRACTS}, {@link ApiContracts#CONTRACTS}), the component becomes the schema {@code
 * /schema/{id}} serves, generated from the same record and constraints (an OAS 3.1 schema is a JSON Schema 2020-12
 * one, so it goes in as it is, {@code $id} and all). A contract keeps its record's name, except a page, which the
 * scanner would name {@code PageCredentialView}: it is named after its contract ({@code credential-list} is {@code
 * CredentialPage}). Schemas nothing refers to any more (the scanner's nested ones) leave the document.
 */
final class PublishedContracts {

    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> ID_QUALIFIERS = Set.of("envelope");

    private PublishedContracts() {}

    static void adopt(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> renamed = new HashMap<>();
        Stream.concat(SchemaCatalog.CONTRACTS.stream(), ApiContracts.CONTRACTS.stream())
                .forEach(contract -> {
                    String scanned = scannerName(contract);
                    if (components.getSchemas().containsKey(scanned)) {
                        String name = componentName(contract);
                        components.removeSchema(scanned);
                        components.addSchema(name, JsonSchemaModel.of(contract.schema()));
                        renamed.put(PREFIX + scanned, PREFIX + name);
                    }
                });
        forEachSchema(openAPI, true, schema -> {
            if (schema.getRef() != null && renamed.containsKey(schema.getRef())) {
                schema.setRef(renamed.get(schema.getRef()));
            }
        });
        dropUnreferenced(openAPI);
    }

    /** How the platform's scanner names a type: its simple name, a generic one followed by its arguments'. */
    static String scannerName(Contract contract) {
        return Stream.concat(Stream.of(contract.type()), contract.parameters().stream())
                .map(PublishedContracts::simpleName)
                .collect(Collectors.joining());
    }

    /**
     * A record's own name ({@code CredentialView}); a page's, its contract id's in PascalCase with {@code Page} for
     * the list ({@code envelope.change-page} is {@code ChangePage}, {@code webhook.subscription-list} {@code
     * WebhookSubscriptionPage}).
     */
    static String componentName(Contract contract) {
        if (!contract.isPage()) {
            return simpleName(contract.type());
        }
        String base = contract.id().replaceFirst("-(list|page)$", "");
        return Arrays.stream(base.split("[.-]"))
                        .filter(word -> !ID_QUALIFIERS.contains(word))
                        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                        .collect(Collectors.joining())
                + "Page";
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> raw ? raw.getSimpleName() : type.getTypeName();
    }

    /** Removes the component schemas no operation, shared response or other referenced schema refers to. */
    private static void dropUnreferenced(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> referenced = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        Consumer<Schema> collect = schema -> {
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX) && referenced.add(ref.substring(PREFIX.length()))) {
                pending.add(ref.substring(PREFIX.length()));
            }
        };
        forEachSchema(openAPI, false, collect);
        while (!pending.isEmpty()) {
            Schema schema = schemas.get(pending.pop());
            if (schema != null) {
                nested(schema, collect);
            }
        }
        List.copyOf(schemas.keySet()).stream()
                .filter(name -> !referenced.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * Every schema the document holds outside {@code components.schemas} (and, if asked, in it), and every one
     * nested in them.
     */
    private static void forEachSchema(OpenAPI openAPI, boolean withComponentSchemas, Consumer<Schema> action) {
        Consumer<Schema> deep = schema -> nested(schema, action);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                parameters(item.getParameters(), deep);
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(operation -> operation(operation, deep));
                }
            });
        }
        Components components = openAPI.getComponents();
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(response -> response(response, deep));
        }
        if (components.getRequestBodies() != null) {
            components.getRequestBodies().values().forEach(body -> requestBody(body, deep));
        }
        if (components.getParameters() != null) {
            parameters(List.copyOf(components.getParameters().values()), deep);
        }
        if (withComponentSchemas && components.getSchemas() != null) {
            components.getSchemas().values().forEach(deep);
        }
    }

    private static void operation(Operation operation, Consumer<Schema> action) {
        parameters(operation.getParameters(), action);
        requestBody(operation.getRequestBody(), action);
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> response(response, action));
        }
    }

    private static void parameters(List<Parameter> parameters, Consumer<Schema> action) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                if (parameter.getSchema() != null) {
                    action.accept(parameter.getSchema());
                }
                content(parameter.getContent(), action);
            });
        }
    }

    private static void requestBody(RequestBody body, Consumer<Schema> action) {
        if (body != null) {
            content(body.getContent(), action);
        }
    }

    private static void response(APIResponse response, Consumer<Schema> action) {
        content(response.getContent(), action);
    }

    private static void content(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null) {
                    action.accept(media.getSchema());
                }
            });
        }
    }

    /** The schema and every subschema in it, whichever keyword holds it. */
    private static void nested(Schema schema, Consumer<Schema> action) {
        action.accept(schema);
        if (schema.getBooleanSchema() != null) {
            return; // true or false: no keywords
        }
        schema.getAll().values().forEach(member -> members(member, action));
    }

    private static void members(Object member, Consumer<Schema> action) {
        if (member instanceof Schema schema) {
            nested(schema, action);
        } else if (member instanceof Map<?, ?> map) {
            map.values().forEach(value -> members(value, action));
        } else if (member instanceof Collection<?> collection) {
            collection.forEach(value -> members(value, action));
        }
    }
}
