package dev.agentry.core.control;

import dev.agentry.core.catalog.PersonalData;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.collections.CollectionField;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action's effect on its record as a reader sees it: the record before and after, and the JSON
 * Merge Patch (RFC 7396) from one to the other. A create has no before, a delete no after and no patch.
 * Personal fields are redacted for a reader without the collection's {@code :read_sensitive}.
 */
@Doc("An action's effect on one record: before, after and the JSON Merge Patch between them")
public record Preview(
        @JsonbNillable @Doc("The record's uid; null when a create has not been made")
        String targetId,

        @JsonbNillable @Doc("The record before; null for a create")
        Map<String, Object> before,

        @JsonbNillable @Doc("The record after; null for a delete")
        Map<String, Object> after,

        @JsonbNillable @Doc("RFC 7396 JSON Merge Patch from before to after; null for a delete")
        Map<String, Object> patch)
        implements Serializable {

    // One instance for the application: building a Jsonb scans for providers and is slow.
    private static final Jsonb JSONB = JsonbBuilder.create();

    static Preview of(ActionEffect effect) {
        Map<String, Object> before = plain(effect.before());
        Map<String, Object> after = plain(effect.after());
        Map<String, Object> patch = after == null
                ? null
                : JsonTree.object(Jsonp.createMergeDiff(
                                before == null
                                        ? JsonValue.EMPTY_JSON_OBJECT
                                        : Jsonp.createObjectBuilder(before).build(),
                                Jsonp.createObjectBuilder(after).build())
                        .toJsonValue()
                        .asJsonObject());
        return new Preview(effect.targetId(), before, after, patch);
    }

    /** Stored as JSON with the execution, read back whole. */
    String json() {
        return JSONB.toJson(this);
    }

    static Preview read(String json) {
        Map<String, Object> stored = JsonTree.object(json);
        return new Preview(
                (String) stored.get("targetId"),
                map(stored.get("before")),
                map(stored.get("after")),
                map(stored.get("patch")));
    }

    /** This preview as {@code grant} may see it. */
    Preview forReader(Grant grant, CollectionDescriptor collection) {
        if (!PersonalData.carriedBy(collection) || grant.revealsPersonalData(collection)) {
            return this;
        }
        Map<String, Object> patchSeen = patch == null ? null : new LinkedHashMap<>(patch);
        if (patchSeen != null) {
            collection.sensitiveFields().stream().map(CollectionField::name).forEach(patchSeen::remove);
        }
        return new Preview(
                targetId,
                before == null ? null : PersonalData.redacted(collection, before),
                after == null ? null : PersonalData.redacted(collection, after),
                patchSeen);
    }

    /** A snapshot as plain JSON values (numbers, strings, maps, lists), as the API writes it. */
    private static Map<String, Object> plain(Map<String, Object> snapshot) {
        return snapshot == null ? null : JsonTree.object(JSONB.toJson(snapshot));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
