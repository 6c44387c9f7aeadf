package dev.agentry.core.runs;

import dev.agentry.core.catalog.CollectionReader;
import dev.agentry.core.catalog.CollectionRequest;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.tools.CatalogAccess;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;

/**
 * {@code catalog.read} for a run: the same reader, redaction and scope rule as the API, with the
 * run's effective scopes in place of a token's.
 */
@ApplicationScoped
class RunCatalogAccess {

    private final Jsonb json = JsonbBuilder.create();

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

    /**
     * Reads for a run: {@code grant} is its owner's credential with the run's effective scopes. The
     * reader asks it whether the collection may be read ({@code scope_denied}) and what personal
     * data it may see.
     */
    public CatalogAccess forGrant(Grant grant) {
        return (collection, id, limit) -> {
            Object data = id != null
                    ? reader.one(collection, id, null, grant)
                    : reader.page(
                                    collection,
                                    new CollectionRequest(new PageLimit(limit), null, null, null, null, List.of()),
                                    grant)
                            .data();
            try (JsonReader parsed = Jsonp.createReader(new StringReader(json.toJson(data)))) {
                return parsed.readValue();
            }
        };
    }
}
