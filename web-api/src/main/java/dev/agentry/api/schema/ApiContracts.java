package dev.agentry.api.schema;

import dev.agentry.api.auth.AuthResource;
import dev.agentry.api.capabilities.CapabilitiesResource;
import dev.agentry.api.health.HealthResource;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.schema.ContractSchemas;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schemas of the contracts the API module itself declares (its protocol records: the token response, whoami,
 * health, the capabilities document), generated like the core's from the records.
 */
@ApplicationScoped
public class ApiContracts {

    private Map<String, JsonObject> schemas;

    @PostConstruct
    void build() {
        Map<String, JsonObject> all = new LinkedHashMap<>();
        put(
                all,
                "capabilities",
                "What this deployment serves and how it fails",
                CapabilitiesResource.Capabilities.class);
        put(all, "token", "An OAuth 2.0 access token response", AuthResource.TokenResponse.class);
        put(all, "whoami", "The calling credential and its current standing", AuthResource.WhoAmI.class);
        all.put(
                "schema-list",
                ContractSchemas.of(
                        "schema-list", "Every published schema", Page.class, SchemaResource.SchemaEntry.class));
        put(all, "health", "Liveness or readiness, with each check", HealthResource.Health.class);
        schemas = Collections.unmodifiableMap(all);
    }

    public Map<String, JsonObject> all() {
        return schemas;
    }

    private static void put(Map<String, JsonObject> all, String id, String description, Class<?> type) {
        all.put(id, ContractSchemas.of(id, description, type));
    }
}
