package dev.agentry.core.sessions;

import dev.agentry.core.catalog.PersonalData;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What a transcript reader may see of the catalog records a session's runs read. A run's {@code
 * catalog.read} results were shaped by its owner's scopes at the time; a transcript is read later,
 * perhaps after those scopes shrank. So each read is shown again under the reader's current {@link
 * Grant}, by the same rule as the API: a collection the grant no longer reads is withheld, personal
 * fields without its {@code :read_sensitive} are redacted. Other messages pass unchanged.
 */
final class TranscriptScope {

    static final String CATALOG_READ = "catalog.read";

    private TranscriptScope() {}

    static TranscriptEntry shown(Grant grant, TranscriptEntry entry) {
        JsonObject content = entry.content();
        if (!"tool_result".equals(entry.type())
                || !CATALOG_READ.equals(content.getString("tool", ""))
                || !(content.get("result") instanceof JsonObject result)
                || !result.containsKey("data")) {
            return entry;
        }
        Optional<CollectionDescriptor> collection = CatalogCollections.ALL.stream()
                .filter(d -> d.name().equals(result.getString("collection", "")))
                .findFirst();
        JsonObject shown;
        if (collection.isEmpty() || !grant.reads(collection.get())) {
            shown = Jsonp.createObjectBuilder()
                    .add("collection", result.getString("collection", ""))
                    .add("withheld", true)
                    .add("reason", "The records this run read are outside the reader's collection scopes.")
                    .build();
        } else if (!grant.revealsPersonalData(collection.get())) {
            shown = Jsonp.createObjectBuilder(result)
                    .add("data", redacted(collection.get(), result.get("data")))
                    .build();
        } else {
            return entry;
        }
        return new TranscriptEntry(
                entry.schema(),
                entry.seq(),
                entry.runId(),
                entry.turn(),
                entry.type(),
                entry.role(),
                entry.at(),
                Jsonp.createObjectBuilder(content).add("result", shown).build());
    }

    private static JsonValue redacted(CollectionDescriptor collection, JsonValue data) {
        if (data instanceof JsonObject one) {
            return PersonalData.redacted(collection, one);
        }
        if (data.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder all = Jsonp.createArrayBuilder();
            data.asJsonArray().forEach(item -> all.add(redacted(collection, item)));
            return all.build();
        }
        return data;
    }
}
