package dev.agentry.core.tools;

import jakarta.json.JsonValue;

/** How {@code catalog.read} reads the catalog: with the run's effective scopes, as the API would. */
@FunctionalInterface
public interface CatalogAccess {

    /**
     * @param id one record, or null for the first {@code limit} records
     * @throws dev.agentry.core.problem.AgentryException when the scopes do not reach the collection,
     *     or it or the record does not exist
     */
    JsonValue read(String collection, String id, int limit);
}
