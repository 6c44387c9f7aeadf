package dev.agentry.core.runs;

import dev.agentry.core.catalog.CatalogCollections;
import dev.agentry.core.catalog.CollectionDescriptor;
import dev.agentry.core.catalog.CollectionReader;
import dev.agentry.core.catalog.CollectionRequest;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.tools.CatalogAccess;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * {@code catalog.read} for a run: the same reader, redaction and scope rule as the API, with the
 * run's effective scopes in place of a token's.
 */
@ApplicationScoped
public class RunCatalogAccess {

    private final Jsonb json = JsonbBuilder.create();

    @Inject
    CatalogCollections collections;

    @Inject
    CollectionReader reader;

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            // nothing left to release at shutdown
        }
    }

    public CatalogAccess forScopes(Set<String> scopes) {
        return (collection, id, limit) -> {
            CollectionDescriptor descriptor = collections
                    .named(collection)
                    .orElseThrow(() -> AgentryException.notFound("The collection " + collection));
            if (!scopes.contains(descriptor.readScope())) {
                throw new AgentryException(
                        ErrorCode.SCOPE_DENIED,
                        "The run's effective scopes do not include " + descriptor.readScope() + ".");
            }
            Object data = id != null
                    ? reader.one(collection, id, null, scopes)
                    : reader.page(
                                    collection,
                                    new CollectionRequest(String.valueOf(limit), null, null, null, null, List.of()),
                                    scopes)
                            .data();
            try (JsonReader parsed = Json.createReader(new StringReader(json.toJson(data)))) {
                return parsed.readValue();
            }
        };
    }
}
